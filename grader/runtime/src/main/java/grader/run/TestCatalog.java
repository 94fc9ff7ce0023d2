package grader.run;

import grader.api.Points;
import grader.api.Problem;
import grader.api.TimeLimit;
import grader.api.Todo;
import grader.api.Visibility;
import grader.course.Course;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The graded tests of a discovered test plan. A graded unit is a test method: the outermost descriptor with a
 * method source (a jqwik property, a JUnit test, or a parameterized test whose cases appear at run time). Its TODOs
 * come from {@link Todo} (the method's, else its class's), its problem from the first TODO or from {@link Problem},
 * its title from the course. Units are sorted by problem, TODO and name and numbered under their TODO ("4.1.3",
 * see {@link TestNumbers}).
 */
public final class TestCatalog {
    /** The problem of tests in a class without {@link Problem}: shown, but flagged by its title. */
    public static final int UNASSIGNED = 0;

    private final TestPlan plan;
    private final Course course;
    private final Map<String, GradedUnit> units = new LinkedHashMap<>();

    private TestCatalog(TestPlan plan, Course course) {
        this.plan = plan;
        this.course = course;
    }

    /**
     * @throws IllegalArgumentException when a test's metadata contradicts itself (a TODO that is not "P.T", or
     *                                  one of another problem than the class's {@link Problem})
     */
    public static TestCatalog of(TestPlan plan, Course course) {
        TestCatalog catalog = new TestCatalog(plan, course);
        for (TestIdentifier root : plan.getRoots()) {
            catalog.collect(root);
        }
        // Report order and numbers: grouped under the TODO each test grades (see TestNumbers).
        List<GradedUnit> sorted = TestNumbers.number(new ArrayList<>(catalog.units.values()));
        catalog.units.clear();
        for (GradedUnit u : sorted) {
            catalog.units.put(u.uniqueId, u);
        }
        return catalog;
    }

    private void collect(TestIdentifier id) {
        Optional<MethodSource> method = methodSource(id);
        if (method.isPresent()) {
            units.put(id.getUniqueId(), describe(id, method.get()));
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(child);
        }
    }

    private GradedUnit describe(TestIdentifier id, MethodSource source) {
        Class<?> type = source.getJavaClass();
        Method method = findMethod(source);
        Problem problemAnnotation = type.getAnnotation(Problem.class);
        Todo todo = method == null ? null : method.getAnnotation(Todo.class);
        if (todo == null) {
            todo = type.getAnnotation(Todo.class);
        }
        List<String> todos = todo == null ? List.of() : List.of(todo.value());
        int problem = problemOf(type, todos, problemAnnotation);
        Points points = method == null ? null : method.getAnnotation(Points.class);
        Visibility visibility = method == null ? null : method.getAnnotation(Visibility.class);
        if (visibility == null) {
            visibility = type.getAnnotation(Visibility.class);
        }
        String classLabel = plan.getParent(id).map(TestIdentifier::getDisplayName).orElse(type.getSimpleName());
        TimeLimit limit = method == null ? null : method.getAnnotation(TimeLimit.class);
        if (limit == null) {
            limit = type.getAnnotation(TimeLimit.class);
        }
        GradedUnit unit = new GradedUnit(id.getUniqueId(), type.getName(), source.getMethodName(),
                classLabel + ": " + id.getDisplayName(),
                problem,
                problem == UNASSIGNED ? "(tests without @Todo or @Problem)"
                        : course.problemTitle(problem, problemAnnotation == null ? null : problemAnnotation.title()),
                todos,
                points == null ? 1.0 : points.value(),
                visibility == null ? Visibility.Level.VISIBLE : visibility.value());
        unit.timeLimit = limit == null ? null : limit.value();
        return unit;
    }

    /** The problem of the first TODO, which every other TODO of a problem-level annotation must agree with. */
    private static int problemOf(Class<?> type, List<String> todos, Problem declared) {
        for (String t : todos) {
            if (!t.matches("\\d+\\.\\d+")) {
                throw new IllegalArgumentException(type.getName() + ": @Todo(\"" + t + "\") is not a TODO such as"
                        + " \"4.1\"");
            }
        }
        if (todos.isEmpty()) {
            return declared == null ? UNASSIGNED : declared.value();
        }
        int problem = Integer.parseInt(todos.get(0).substring(0, todos.get(0).indexOf('.')));
        if (declared != null && declared.value() != problem) {
            throw new IllegalArgumentException(type.getName() + ": @Todo(\"" + todos.get(0) + "\") belongs to Problem "
                    + problem + ", but the class says @Problem(" + declared.value() + ")");
        }
        return problem;
    }

    private static Method findMethod(MethodSource source) {
        try {
            return source.getJavaMethod();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Optional<MethodSource> methodSource(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        return source.filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    /** The unit {@code id} is, or belongs to (a case of a parameterized test); empty above the units. */
    public Optional<GradedUnit> unitOf(TestIdentifier id) {
        Optional<TestIdentifier> cur = Optional.of(id);
        while (cur.isPresent()) {
            GradedUnit u = units.get(cur.get().getUniqueId());
            if (u != null) {
                return Optional.of(u);
            }
            cur = plan.getParent(cur.get());
        }
        return Optional.empty();
    }

    /** The units below a container (a class or an engine). */
    public List<GradedUnit> unitsUnder(TestIdentifier container) {
        List<GradedUnit> out = new ArrayList<>();
        for (TestIdentifier d : plan.getDescendants(container)) {
            GradedUnit u = units.get(d.getUniqueId());
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /** The unit with this unique id, if it is one. */
    public Optional<GradedUnit> unit(String uniqueId) {
        return Optional.ofNullable(units.get(uniqueId));
    }

    public Collection<GradedUnit> units() {
        return units.values();
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }
}

package grader.run;

import grader.api.Points;
import grader.api.Problem;
import grader.api.TimeLimit;
import grader.api.Visibility;
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
 * method source (a jqwik property, a JUnit test, or a parameterized test whose cases appear at run time). Units
 * are sorted by problem, TODO and name and numbered under their TODO ("4.1.3", see {@link TestNumbers}).
 */
public final class TestCatalog {
    /** The problem of tests in a class without {@link Problem}: shown, but flagged by its title. */
    public static final int UNASSIGNED = 0;

    private final TestPlan plan;
    private final Map<String, GradedUnit> units = new LinkedHashMap<>();

    private TestCatalog(TestPlan plan) {
        this.plan = plan;
    }

    public static TestCatalog of(TestPlan plan) {
        TestCatalog catalog = new TestCatalog(plan);
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
        Problem problem = type.getAnnotation(Problem.class);
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
                problem == null ? UNASSIGNED : problem.value(),
                problem == null ? "(tests without @Problem)" : problem.title(),
                points == null ? 1.0 : points.value(),
                visibility == null ? Visibility.Level.VISIBLE : visibility.value());
        unit.timeLimit = limit == null ? null : limit.value();
        return unit;
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

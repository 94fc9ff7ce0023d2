package grader.run;

import grader.api.Problem;
import grader.api.Todo;
import grader.notebook.Question;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Which graded tests a run grades: all of them, one problem ({@code 4}), one TODO ({@code 4.1}: the tests whose
 * {@link Todo} names it), or one test class, method or package ({@code AttentionTest}, {@code AttentionTest#causal},
 * {@code hw.model.*}). Notebook questions are selected by problem only; naming a test leaves them out.
 *
 * @param problem the problem, or null for every problem
 * @param todo    the TODO ("4.1"), or null for the whole problem
 * @param test    a class (simple or full name), {@code Class#method}, or {@code package.*}; null for any
 */
public record Selection(Integer problem, String todo, String test) {
    public static final Selection ALL = new Selection(null, null, null);

    /** The selection of {@code --problem} ("", "4" or "4.1") and {@code --test} ("" or a test). */
    public static Selection of(String problemOrTodo, String test) {
        String p = problemOrTodo == null ? "" : problemOrTodo.strip();
        String t = test == null || test.isBlank() ? null : test.strip();
        if (p.isEmpty()) {
            return new Selection(null, null, t);
        }
        if (p.matches("\\d+\\.\\d+")) {
            return new Selection(Integer.parseInt(p.substring(0, p.indexOf('.'))), p, t);
        }
        if (p.matches("\\d+")) {
            return new Selection(Integer.parseInt(p), null, t);
        }
        throw new IllegalArgumentException("--problem takes a problem such as 4 or a TODO such as 4.1, not '"
                + problemOrTodo + "'");
    }

    /** The notebook questions selected: those of the problem, when no TODO or test is named. */
    public Predicate<Question> questions() {
        return q -> test == null && todo == null && (problem == null || problem == q.problem());
    }

    /** What a run with nothing to grade says it looked for. */
    String describe() {
        return (todo != null ? " for TODO " + todo : problem != null ? " for problem " + problem : "")
                + (test != null ? " matching " + test : "");
    }

    /** The filter that keeps the selected tests in a discovered plan. */
    PostDiscoveryFilter filter() {
        return descriptor -> {
            Object source = descriptor.getSource().orElse(null);
            if (source instanceof MethodSource m) {
                return decide(m.getJavaClass(), method(m), m.getMethodName());
            }
            if (source instanceof ClassSource c) {
                Class<?> type = c.getJavaClass();
                for (Method m : type.getDeclaredMethods()) {
                    if (decide(type, m, m.getName()).included()) {
                        return FilterResult.included("some of its tests are selected");
                    }
                }
                return problem == null && todo == null && test == null ? FilterResult.included("everything")
                        : FilterResult.excluded("none of its tests is selected");
            }
            return FilterResult.included("not a test class");
        };
    }

    private FilterResult decide(Class<?> type, Method method, String methodName) {
        List<String> todos = todosOf(type, method);
        if (problem != null && problemOf(type, todos) != problem) {
            return FilterResult.excluded("not problem " + problem);
        }
        if (todo != null && !todos.contains(todo)) {
            return FilterResult.excluded("not TODO " + todo);
        }
        if (test != null && !matches(type, methodName)) {
            return FilterResult.excluded("not " + test);
        }
        return FilterResult.included("selected");
    }

    static List<String> todosOf(Class<?> type, AnnotatedElement method) {
        Todo t = method == null ? null : method.getAnnotation(Todo.class);
        if (t == null) {
            t = type.getAnnotation(Todo.class);
        }
        return t == null ? List.of() : List.of(t.value());
    }

    private static int problemOf(Class<?> type, List<String> todos) {
        if (!todos.isEmpty() && todos.get(0).contains(".")) {
            return Integer.parseInt(todos.get(0).substring(0, todos.get(0).indexOf('.')));
        }
        Problem p = type.getAnnotation(Problem.class);
        return p == null ? TestCatalog.UNASSIGNED : p.value();
    }

    private boolean matches(Class<?> type, String methodName) {
        if (test.endsWith(".*")) {
            return type.getName().startsWith(test.substring(0, test.length() - 1));
        }
        int hash = test.indexOf('#');
        String className = hash >= 0 ? test.substring(0, hash) : test;
        boolean classMatches = type.getName().equals(className) || type.getSimpleName().equals(className);
        return classMatches && (hash < 0 || test.substring(hash + 1).equals(methodName));
    }

    private static Method method(MethodSource source) {
        try {
            return source.getJavaMethod();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

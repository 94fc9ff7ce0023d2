package grader.authoring.mutation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The graded tests of each TODO, read from the compiled suites as the grader selects them for {@code --problem X.Y}:
 * a test method belongs to every TODO its {@code @Todo} names (the method's annotation, else its class's). The
 * classes are loaded, never initialised, in a class loader of their own, since the kit's JVM carries neither the
 * test engines nor the homework.
 */
public final class TodoTests {
    /** The annotations that make a method a test (JUnit Jupiter's and jqwik's). */
    private static final Set<String> TEST_MARKERS = Set.of("Test", "Property", "Example", "ParameterizedTest",
            "RepeatedTest", "TestFactory", "TestTemplate");

    /** TODO → test class → its test methods of that TODO. */
    private final Map<String, Map<String, Set<String>>> byTodo = new TreeMap<>();

    private TodoTests() {
    }

    /** The test classes of a TODO (empty when it has none). */
    public Set<String> classes(String todo) {
        return byTodo.getOrDefault(todo, Map.of()).keySet();
    }

    /** The names of its test methods, over all its classes. */
    public Set<String> methods(String todo) {
        Set<String> out = new TreeSet<>();
        byTodo.getOrDefault(todo, Map.of()).values().forEach(out::addAll);
        return out;
    }

    /**
     * @param testClasses the compiled graded suites
     * @param classpath   what they need to load: the libraries and an implementation
     */
    public static TodoTests read(Path testClasses, String classpath) {
        TodoTests tests = new TodoTests();
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(testClasses.toUri().toURL());
            for (String e : classpath.split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    urls.add(Path.of(e).toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("a bad class path entry: " + e.getMessage(), e);
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
                Stream<Path> files = Files.walk(testClasses)) {
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> todo = (Class<? extends Annotation>) loader.loadClass("grader.api.Todo");
            Method value = todo.getMethod("value");
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = testClasses.relativize(f).toString().replace(File.separatorChar, '.')
                        .replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                for (Method m : type.getDeclaredMethods()) {
                    if (isTest(m)) {
                        Annotation a = m.isAnnotationPresent(todo) ? m.getAnnotation(todo) : type.getAnnotation(todo);
                        for (String t : a == null ? new String[0] : (String[]) value.invoke(a)) {
                            tests.byTodo.computeIfAbsent(t, k -> new TreeMap<>())
                                    .computeIfAbsent(name, k -> new TreeSet<>()).add(m.getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + testClasses + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot read the graded tests' @Todo in " + testClasses + ": " + e, e);
        }
        return tests;
    }

    private static boolean isTest(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (TEST_MARKERS.contains(a.annotationType().getSimpleName())) {
                return true;
            }
        }
        return false;
    }
}

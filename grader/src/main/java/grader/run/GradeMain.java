package grader.run;

import grader.api.Problem;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.ScoreTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades the tests found in a folder of compiled test classes against whatever implementation is on the class
 * path, writes {@code results.json} (Gradescope's format) and prints a score table.
 *
 * <pre>
 * java -cp DEPENDENCIES:TESTS:SUBMISSION grader.run.GradeMain --tests TESTS [--submission SUBMISSION]
 *      [--out DIR] [--problem N] [--test Class[#method]] [--label TEXT] [--rerun "mvn ... -Dgrade.test=%s"]
 * </pre>
 *
 * Exit status: 0 when grading completed, whatever the score; 2 when it could not (bad arguments, no tests).
 */
public final class GradeMain {
    private GradeMain() {
    }

    /** The parsed command line. */
    record Options(Path tests, List<Path> submission, Path out, Integer problem, String test, String label,
            String rerun) {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(parse(args), System.out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("grade: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static Options parse(String[] args) {
        Path tests = null;
        Path out = Paths.get("target", "grade");
        List<Path> submission = new ArrayList<>();
        Integer problem = null;
        String test = null;
        String label = null;
        String rerun = null;
        for (int i = 0; i < args.length; i++) {
            // Both "--flag value" and "--flag=value" (the latter lets a build pass an empty value).
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--tests" -> tests = Paths.get(value);
                case "--submission" -> {
                    if (!value.isBlank()) {
                        submission.add(Paths.get(value));
                    }
                }
                case "--out" -> out = Paths.get(value);
                case "--problem" -> problem = value.isBlank() ? null : parseProblem(value);
                case "--test" -> test = value.isBlank() ? null : value;
                case "--label" -> label = value.isBlank() ? null : value;
                case "--rerun" -> rerun = value.isBlank() ? null : value;
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (known: --tests --submission --out --problem --test --label --rerun)");
            }
        }
        if (tests == null) {
            throw new IllegalArgumentException("--tests DIR is required: the folder of compiled test classes");
        }
        if (!Files.isDirectory(tests)) {
            throw new IllegalArgumentException("--tests " + tests + " is not a folder of compiled test classes"
                    + " (build the tests first)");
        }
        for (Path p : submission) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--submission " + p + " does not exist (build it first)");
            }
        }
        return new Options(tests, submission, out, problem, test, label, rerun);
    }

    private static int parseProblem(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--problem takes a problem number such as 1, not '" + value + "'");
        }
    }

    static int run(Options options, PrintStream console) {
        long start = System.nanoTime();
        Path jqwikDatabase = freshJqwikDatabase(options.out());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(options.tests())))
                .filters(selection(options))
                // A fresh jqwik database per run: a previous failure must not change which samples run now.
                .configurationParameter("jqwik.database", jqwikDatabase.toString())
                .configurationParameter("jqwik.failures.runfirst", "false")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        TestCatalog catalog = TestCatalog.of(plan);
        if (catalog.isEmpty()) {
            throw new IllegalArgumentException(nothingToGrade(options));
        }
        FailureExplainer explainer = new FailureExplainer(new StudentCode(options.submission()));
        launcher.execute(plan, new ResultCollector(catalog, explainer));

        Results results = ResultsBuilder.build(catalog.units(), options.rerun(), (System.nanoTime() - start) / 1e9);
        String table = ScoreTable.render(results);
        results.output = (options.label() == null ? "" : options.label() + "\n\n") + table;
        Path file = options.out().resolve("results.json");
        ResultsJson.write(file, results);
        console.println();
        console.println("=".repeat(80));
        if (options.label() != null) {
            console.println(options.label());
        }
        console.print(table);
        console.println("results: " + file);
        console.println("=".repeat(80));
        return 0;
    }

    private static PostDiscoveryFilter selection(Options options) {
        return descriptor -> {
            Class<?> type = descriptor.getSource().map(source -> {
                if (source instanceof MethodSource m) {
                    return m.getJavaClass();
                }
                return source instanceof ClassSource c ? c.getJavaClass() : null;
            }).orElse(null);
            if (type == null) {
                return FilterResult.included("not a test class");
            }
            if (options.problem() != null) {
                Problem p = type.getAnnotation(Problem.class);
                if (p == null || p.value() != options.problem()) {
                    return FilterResult.excluded("not problem " + options.problem());
                }
            }
            if (options.test() != null && !matches(options.test(), type, descriptor.getSource().orElse(null))) {
                return FilterResult.excluded("not " + options.test());
            }
            return FilterResult.included("selected");
        };
    }

    private static boolean matches(String wanted, Class<?> type, Object source) {
        String className = wanted.contains("#") ? wanted.substring(0, wanted.indexOf('#')) : wanted;
        boolean classMatches = type.getName().equals(className) || type.getSimpleName().equals(className);
        if (!classMatches || !wanted.contains("#") || !(source instanceof MethodSource m)) {
            return classMatches;
        }
        return m.getMethodName().equals(wanted.substring(wanted.indexOf('#') + 1));
    }

    private static String nothingToGrade(Options options) {
        StringBuilder s = new StringBuilder("no graded tests found in " + options.tests());
        if (options.problem() != null) {
            s.append(" for problem ").append(options.problem());
        }
        if (options.test() != null) {
            s.append(" matching ").append(options.test());
        }
        return s.toString();
    }

    private static Path freshJqwikDatabase(Path out) {
        try {
            Files.createDirectories(out);
            Path db = out.resolve("jqwik-database");
            Files.deleteIfExists(db);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }
}

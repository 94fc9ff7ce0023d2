package grader.run;

import grader.api.Problem;
import grader.io.FileOps;
import grader.notebook.NotebookStep;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.ScoreTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades the tests found in folders of compiled test classes against the implementation on the class path,
 * writes {@code results.json} (Gradescope's format) and prints a score table.
 *
 * <p>The tests run in child JVMs ({@link IsolatedRun}); this process only discovers them, supervises, and is the
 * only writer of results.json. It writes a provisional results.json (every test "not run") before any test runs,
 * so a run that is killed still leaves a valid file.
 *
 * <pre>
 * java -cp DEPENDENCIES:TESTS:SUBMISSION grader.run.GradeMain --tests DIR [--tests DIR] [--submission PATH]
 *      [--out DIR] [--problem N|N.T] [--test Class[#method] | package.*] [--label TEXT] [--rerun "mvn ... -Dgrade.test=%s"]
 *      [--time-limit SECONDS] [--budget SECONDS] [--jvm-arg ARG]... [--output-cap BYTES] [--in-process]
 *      [--hidden DIR|JAR]... [--compile-report FILE] [--memory SIZE]
 * </pre>
 *
 * Each test JVM's memory is sized from what the container has ({@link ChildMemory}); {@code --memory 512m} sets
 * its total instead (the batch grader gives each of its parallel jobs a share), {@code --jvm-arg} adds to or
 * overrides the options that sizing chose.
 *
 * Options take "--flag value" or "--flag=value". Exit status: 0 when grading completed, whatever the score; 2 when
 * it could not (bad arguments, no tests).
 */
public final class GradeMain {
    private GradeMain() {
    }

    /** The parsed command line. */
    record Options(List<Path> tests, List<Path> hidden, List<Path> submission, Path out, Integer problem,
            String test, String label, String rerun, double timeLimit, double budget, List<String> jvmArgs,
            int outputCap, boolean inProcess, Path compileReport, String todo, boolean leaderboard, Long memory,
            NotebookStep notebooks) {
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
        List<Path> tests = new ArrayList<>();
        List<Path> hidden = new ArrayList<>();
        Path compileReport = null;
        Path out = Paths.get("target", "grade");
        List<Path> submission = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>(); // after the sized memory options, so these win
        Long memory = null;
        Integer problem = null;
        String todo = null;
        String test = null;
        String label = null;
        String rerun = null;
        double timeLimit = 60;
        double budget = 1800;
        int outputCap = 16_384;
        boolean inProcess = false;
        boolean leaderboard = false;
        NotebookStep notebooks = new NotebookStep();
        for (int i = 0; i < args.length; i++) {
            // Both "--flag value" and "--flag=value" (the latter lets a build pass an empty value).
            String flag = args[i];
            if (flag.equals("--in-process")) {
                inProcess = true;
                continue;
            }
            if (flag.equals("--leaderboard")) {
                leaderboard = true;
                continue;
            }
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
            if (NotebookStep.FLAGS.contains(flag)) {
                notebooks.set(flag, value);
                continue;
            }
            switch (flag) {
                case "--tests" -> tests.add(Paths.get(value));
                case "--hidden" -> {
                    if (!value.isBlank()) {
                        hidden.add(Paths.get(value));
                    }
                }
                case "--compile-report" -> compileReport = value.isBlank() ? null : Paths.get(value);
                case "--submission" -> {
                    if (!value.isBlank()) {
                        submission.add(Paths.get(value));
                    }
                }
                case "--out" -> out = Paths.get(value);
                case "--problem" -> {
                    // A problem ("4") or one TODO of it ("4.1": the test classes labelled with it).
                    todo = value.strip().matches("\\d+\\.\\d+") ? value.strip() : null;
                    problem = value.isBlank() ? null : problemNumber(todo != null ? todo.replaceFirst("\\..*", "") : value);
                }
                case "--test" -> test = value.isBlank() ? null : value;
                case "--label" -> label = value.isBlank() ? null : value;
                case "--rerun" -> rerun = value.isBlank() ? null : value;
                case "--time-limit" -> timeLimit = positive(flag, value);
                case "--budget" -> budget = positive(flag, value);
                case "--jvm-arg" -> jvmArgs.add(value);
                case "--output-cap" -> outputCap = (int) positive(flag, value);
                case "--memory" -> memory = value.isBlank() ? null : size(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag + " (known: --tests"
                        + " --hidden --compile-report --submission --out --problem --test --label --rerun --time-limit --budget --jvm-arg"
                        + " --output-cap --in-process --leaderboard --memory " + String.join(" ", NotebookStep.FLAGS) + ")");
            }
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("--tests DIR is required: a folder of compiled test classes");
        }
        for (Path t : tests) {
            if (!Files.isDirectory(t)) {
                throw new IllegalArgumentException("--tests " + t + " is not a folder of compiled test classes"
                        + " (build the tests first)");
            }
        }
        for (Path p : submission) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--submission " + p + " does not exist (build it first)");
            }
        }
        if (memory != null && memory < ChildMemory.MINIMUM) {
            throw new IllegalArgumentException("--memory " + memory / ChildMemory.MB + " MB is too little: a test JVM"
                    + " needs at least " + ChildMemory.MINIMUM / ChildMemory.MB + " MB");
        }
        if (compileReport != null && !Files.isRegularFile(compileReport)) {
            throw new IllegalArgumentException("--compile-report " + compileReport + " does not exist");
        }
        return new Options(tests, hidden, submission, out, problem, test, label, rerun, timeLimit, budget, jvmArgs,
                outputCap, inProcess, compileReport, todo, leaderboard, memory, notebooks);
    }

    /** A size in bytes, or with a suffix k, m, g (binary: 512m is 512 MiB). */
    static long size(String flag, String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("i?b$", "");
        long unit = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        double n = number(flag, unit == 1 ? v : v.substring(0, v.length() - 1));
        if (!(n > 0)) {
            throw new IllegalArgumentException(flag + " takes a positive size such as 512m or 2g, not " + value);
        }
        return (long) (n * unit);
    }

    private static double number(String flag, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, not '" + value + "'");
        }
    }

    private static int problemNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--problem takes a whole problem number such as 1, not '" + value
                    + "'");
        }
    }

    private static double positive(String flag, String value) {
        double v = number(flag, value);
        if (!(v > 0)) {
            throw new IllegalArgumentException(flag + " must be positive, not " + value);
        }
        return v;
    }

    /** The jqwik settings every grading run uses, in the grading process and in the children. */
    static void configure(LauncherDiscoveryRequestBuilder request, String jqwikDatabase) {
        // A fresh jqwik database per run: a previous failure must not change which samples run now.
        request.configurationParameter("jqwik.database", jqwikDatabase)
                .configurationParameter("jqwik.failures.runfirst", "false")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true");
    }

    static int run(Options options, PrintStream console) {
        long start = System.nanoTime();
        Path work = prepare(options.out());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        List<Path> roots = new ArrayList<>(options.tests());
        String baseClasspath = System.getProperty("java.class.path");
        for (Path suite : options.hidden()) {
            roots.add(HiddenSuite.prepare(suite, IsolatedRun.classpath(baseClasspath, options.tests()), work));
        }
        CompileReport compiled = options.compileReport() == null ? CompileReport.NONE
                : CompileReport.read(options.compileReport());
        // The test roots may not be on this JVM's class path (hidden suites): load through them too.
        try (URLClassLoader loader = new URLClassLoader(urls(roots), previous)) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(new LinkedHashSet<>(roots)))
                    .filters(selection(options));
            configure(request, work.resolve("jqwik-database").toString());
            Launcher launcher = LauncherFactory.create();
            TestPlan plan = launcher.discover(request.build());
            TestCatalog catalog = TestCatalog.of(plan);
            List<grader.report.TestResult> notebookQuestions = options.notebooks().provisional(options.problem(),
                    options.test());
            if (catalog.isEmpty() && notebookQuestions.isEmpty()) {
                throw new IllegalArgumentException(nothingToGrade(options));
            }
            Path file = options.out().resolve("results.json");
            Results provisional = ResultsBuilder.build(catalog.units(), null, 0);
            provisional.tests.addAll(notebookQuestions);
            ResultsJson.write(file, provisional);

            if (catalog.isEmpty()) {
                // only notebook questions are selected
            } else if (options.inProcess()) {
                FailureExplainer explainer = new FailureExplainer(new StudentCode(options.submission()),
                        compiled.replacedClasses(), compiled.replacedTodos());
                launcher.execute(plan, new ResultCollector(catalog, explainer));
            } else {
                String classpath = IsolatedRun.classpath(baseClasspath, roots);
                ChildMemory memory = options.memory() == null ? ChildMemory.plan()
                        : ChildMemory.split(options.memory(), ContainerMemory.detect());
                if (options.memory() == null && memory.tooSmall()) {
                    console.println("warning: the container leaves too little memory for the tests; "
                            + memory.describe() + ". Tests that need more will fail; give the autograder more"
                            + " memory.");
                }
                Files.writeString(work.resolve("child-memory.txt"), memory.describe() + "\n" + memory.jvmArgs()
                        + "\n");
                List<String> jvmArgs = new ArrayList<>(memory.jvmArgs());
                jvmArgs.addAll(options.jvmArgs());
                new IsolatedRun(new IsolatedRun.Settings(classpath, jvmArgs, options.submission(),
                        options.timeLimit(), options.budget(), options.outputCap(), work,
                        options.compileReport(), memory), catalog).run();
            }

            Results results = ResultsBuilder.build(catalog.units(), options.rerun(), 0);
            options.notebooks().addTo(results, options.submission(), work, options.out(), options.problem(),
                    options.test());
            results.executionTime = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            // What a student sees: only visible tests, so a hidden test's name and messages stay hidden.
            String table = ScoreTable.render(results, true);
            String board = options.leaderboard() ? "\n" + Leaderboard.addTo(results, roots,
                    IsolatedRun.classpath(baseClasspath, roots), options.jvmArgs(), work) : "";
            results.output = (options.label() == null ? "" : options.label() + "\n\n") + compiled.summary()
                    + table + board;
            ResultsJson.write(file, results);
            console.println();
            console.println("=".repeat(80));
            if (options.label() != null) {
                console.println(options.label());
            }
            console.print(compiled.summary());
            console.print(table);
            console.print(board);
            console.println("results: " + file);
            console.println("=".repeat(80));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL[] urls(List<Path> roots) {
        List<URL> urls = new ArrayList<>();
        for (Path p : roots) {
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a usable path: " + p, e);
            }
        }
        return urls.toArray(URL[]::new);
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
            if (options.todo() != null && !coversTodo(descriptor, options.todo())) {
                return FilterResult.excluded("not TODO " + options.todo());
            }
            if (options.test() != null && !matches(options.test(), type, descriptor.getSource().orElse(null))) {
                return FilterResult.excluded("not " + options.test());
            }
            return FilterResult.included("selected");
        };
    }

    /** Whether the descriptor's class (it, or its parent for a method) is labelled with the TODO. */
    private static boolean coversTodo(org.junit.platform.engine.TestDescriptor d, String todo) {
        for (var cur = java.util.Optional.of(d); cur.isPresent(); cur = cur.get().getParent()) {
            if (cur.get().getSource().filter(ClassSource.class::isInstance).isPresent()) {
                return TestNumbers.covers(cur.get().getDisplayName(), todo);
            }
        }
        return true;
    }

    private static boolean matches(String wanted, Class<?> type, Object source) {
        if (wanted.endsWith(".*")) {
            return type.getName().startsWith(wanted.substring(0, wanted.length() - 1));
        }
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

    /** Makes the output folder and a fresh work folder (children's logs, jqwik databases) inside it. */
    private static Path prepare(Path out) {
        try {
            Path work = out.resolve("work");
            FileOps.deleteTree(work);
            Files.createDirectories(work);
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }
}

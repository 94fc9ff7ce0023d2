package grader.run;

import grader.compile.CompileReport;
import grader.compile.Submission;
import grader.course.Course;
import grader.io.FileOps;
import grader.notebook.NotebookGrading;
import grader.report.FeedbackPage;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.ScoreTable;
import grader.report.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One grading: the graded tests found in folders of compiled test classes, run against a submission, into
 * {@code results.json} (Gradescope's format) and a score table on the console.
 *
 * <p>A submission of sources is compiled first, TODO by TODO ({@link Submission}). The tests run in child JVMs
 * ({@link IsolatedRun}); this process only discovers them, supervises, and is the only writer of results.json. It
 * writes a provisional results.json (every test "not run") before any test runs, so a run that is killed still
 * leaves a valid file.
 */
public final class GradingRun {
    /**
     * What to grade and how.
     *
     * @param tests       folders of compiled graded tests
     * @param hidden      the instructor's extra suites (sources, classes or jars)
     * @param submission  the compiled submission (folders or jars); more is added when {@code sources} is given
     * @param sources     a submission of sources (folder or zip), compiled against {@code skeleton}; or null
     * @param skeleton    the skeleton's sources as released (a folder or a zip), the fallback of a TODO that does
     *                    not compile; or null
     * @param skeletonClasses the skeleton as released, compiled; or null (then it is compiled when needed)
     * @param out         where results.json goes
     * @param selection   which tests
     * @param label       a first line for the report, or null
     * @param rerun       a format with one %s (Class#method): the command that re-runs one test; or null
     * @param limits      time, memory and output bounds of the test JVMs
     * @param leaderboard whether to add Gradescope's leaderboard
     * @param course      the course's words (titles, test-JVM options)
     * @param notebooks   the notebook questions to grade, or null
     */
    public record Settings(List<Path> tests, List<Path> hidden, List<Path> submission, Path sources, Path skeleton,
            Path skeletonClasses, Path out, Selection selection, String label, String rerun, Limits limits,
            boolean leaderboard, Course course, NotebookGrading notebooks) {
    }

    /**
     * The bounds of a grading run.
     *
     * @param timeLimit the default time limit of one test, in seconds
     * @param budget    the whole run's time budget, in seconds
     * @param jvmArgs   extra options for the test JVMs (after the sized memory options, so they win)
     * @param outputCap the bytes of printed output kept per test
     * @param inProcess run the tests in this JVM (the grader's own tests only: nothing is isolated)
     * @param memory    each test JVM's total memory in bytes, or null to size it from the container
     */
    public record Limits(double timeLimit, double budget, List<String> jvmArgs, int outputCap, boolean inProcess,
            Long memory) {
        public static final Limits DEFAULT = new Limits(60, 1800, List.of(), 16_384, false, null);
    }

    private GradingRun() {
    }

    /** The jqwik settings every grading run uses, in the grading process and in the children. */
    static void configure(LauncherDiscoveryRequestBuilder request, String jqwikDatabase) {
        // A fresh jqwik database per run: a previous failure must not change which samples run now.
        request.configurationParameter("jqwik.database", jqwikDatabase)
                .configurationParameter("jqwik.failures.runfirst", "false")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true");
    }

    /** Grades, writes results.json and prints the score table; returns the results. */
    public static Results run(Settings s, PrintStream console) {
        long start = System.nanoTime();
        Path work = prepare(s.out());
        Path file = s.out().resolve("results.json");
        List<Path> submission = new ArrayList<>(s.submission());
        CompileReport compiled = CompileReport.NONE;
        Path compileReport = null;
        NotebookGrading notebooks = s.notebooks();
        String baseClasspath = System.getProperty("java.class.path");
        if (s.sources() != null) {
            Submission prepared;
            try {
                prepared = Submission.prepare(s.sources(), s.skeleton(), s.skeletonClasses(), baseClasspath,
                        work.resolve("submission"));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return failed(file, "could not grade this submission: " + e.getMessage(), console);
            }
            submission.add(prepared.classes());
            compiled = prepared.report();
            compileReport = work.resolve("compile-report.json");
            compiled.write(compileReport);
            if (notebooks != null && notebooks.students() == null) {
                notebooks = notebooks.withStudents(prepared.notebooks());
            }
        }
        List<Path> roots = new ArrayList<>(s.tests());
        for (Path suite : s.hidden()) {
            roots.add(HiddenSuite.prepare(suite, IsolatedRun.classpath(baseClasspath, concat(s.tests(), submission)),
                    work));
        }
        String classpath = IsolatedRun.classpath(baseClasspath, concat(roots, submission));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The tests and the submission need not be on this JVM's class path: discovery loads them through their own.
        try (URLClassLoader loader = new URLClassLoader(urls(concat(roots, submission)), previous)) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(new LinkedHashSet<>(roots)))
                    .filters(s.selection().filter());
            configure(request, work.resolve("jqwik-database").toString());
            Launcher launcher = LauncherFactory.create();
            TestPlan plan = launcher.discover(request.build());
            TestCatalog catalog = TestCatalog.of(plan, s.course());
            List<TestResult> questions = notebooks == null ? List.of() : notebooks.provisional(s.selection().questions());
            if (catalog.isEmpty() && questions.isEmpty()) {
                throw new IllegalArgumentException("no graded tests found in " + s.tests() + s.selection().describe());
            }
            Results provisional = ResultsBuilder.build(catalog.units(), null, 0);
            provisional.tests.addAll(questions);
            ResultsJson.write(file, provisional);

            if (!catalog.isEmpty() && s.limits().inProcess()) {
                FailureExplainer explainer = new FailureExplainer(new StudentCode(submission),
                        compiled.replacedClasses(), compiled.replacedTodos());
                launcher.execute(plan, new ResultCollector(catalog, explainer));
            } else if (!catalog.isEmpty()) {
                runIsolated(s, catalog, classpath, submission, compileReport, work, console);
            }

            Results results = ResultsBuilder.build(catalog.units(), s.rerun(), 0);
            if (notebooks != null) {
                notebooks.addTo(results, submission, work, s.selection().questions());
            }
            results.executionTime = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            // What a student sees: only visible tests, so a hidden test's name and messages stay hidden.
            String table = ScoreTable.render(results, true, "more in " + file + " (test %s)");
            String board = s.leaderboard() ? "\n" + Leaderboard.addTo(results, roots, classpath,
                    s.limits().jvmArgs(), work) : "";
            results.output = (s.label() == null ? "" : s.label() + "\n\n") + compiled.summary()
                    + ScoreTable.render(results, true, "more in test %s's own output") + board;
            Reproducibility.record(results, roots, loader);
            ResultsJson.write(file, results);
            writeFeedbackPage(file, results, s.label(), console);
            console.println();
            console.println("=".repeat(80));
            if (s.label() != null) {
                console.println(s.label());
            }
            console.print(compiled.summary());
            console.print(table);
            console.print(board);
            console.println("results: " + file);
            console.println("=".repeat(80));
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void runIsolated(Settings s, TestCatalog catalog, String classpath, List<Path> submission,
            Path compileReport, Path work, PrintStream console) throws IOException {
        // Compiling the submission and the hidden suite left garbage: collected now, the heap shrinks back, so the
        // container's use measured next is this JVM's lasting share and the test JVM gets the rest.
        System.gc();
        ChildMemory memory = s.limits().memory() == null ? ChildMemory.plan()
                : ChildMemory.split(s.limits().memory(), ContainerMemory.detect());
        if (s.limits().memory() == null && memory.tooSmall()) {
            console.println("warning: the container leaves too little memory for the tests; " + memory.describe()
                    + ". Tests that need more will fail; give the autograder more memory.");
        }
        List<String> jvmArgs = new ArrayList<>(memory.jvmArgs(s.course()));
        Files.writeString(work.resolve("child-memory.txt"), memory.describe() + "\n" + jvmArgs + "\n");
        jvmArgs.addAll(s.limits().jvmArgs());
        try (IsolatedRun run = new IsolatedRun(new IsolatedRun.Settings(classpath, jvmArgs,
                s.course().testEnvironment(), submission, s.limits().timeLimit(), s.limits().budget(),
                s.limits().outputCap(), work, compileReport, memory), catalog)) {
            run.run();
        }
    }

    /** Writes and returns a results.json that scores nothing and says why (the submission could not be read). */
    private static Results failed(Path file, String why, PrintStream console) {
        Results r = new Results();
        r.output = why;
        ResultsJson.write(file, r);
        writeFeedbackPage(file, r, null, console);
        console.println(why);
        return r;
    }

    /** The student's page beside results.json; results.json is already safe, so a failure here only warns. */
    private static void writeFeedbackPage(Path file, Results results, String label, PrintStream console) {
        try {
            FeedbackPage.writeBeside(file, results, label);
        } catch (RuntimeException e) {
            console.println("warning: no feedback page was written: " + e.getMessage());
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static URL[] urls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path p : paths) {
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a usable path: " + p, e);
            }
        }
        return urls.toArray(URL[]::new);
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

package grader.run;

import grader.course.Course;
import grader.course.Layout;
import grader.notebook.NotebookGrading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grade}: the grading command line, what a student's {@code mvn test -Pgrade}, Gradescope's
 * {@code run_autograder} and the instructor's {@code grader/kit grade} run. It only reads options; the grading is
 * {@link GradingRun}'s. Options take "--flag value" or "--flag=value"; a blank value leaves an option unset, so a
 * build can pass an empty property. Exit status: 0 when grading completed, whatever the score; 2 when it could not.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grade a submission: run the graded tests (and the notebooks' questions) against it, write",
            "results.json (Gradescope's format) and print the score table."})
public final class GradeCommand implements Callable<Integer> {
    @Option(names = "--root", description = "A homework's root: its tests, skeleton, notebooks and course.json"
            + " are the defaults of the options below.")
    Path root;

    @Option(names = "--tests", description = "A folder of compiled graded tests (repeatable).")
    List<String> tests = new ArrayList<>();

    @Option(names = "--hidden", description = "An instructor's extra suite: sources, classes or a jar (repeatable).")
    List<String> hidden = new ArrayList<>();

    @Option(names = "--submission", description = "The submission's compiled classes or jar (repeatable).")
    List<String> submission = new ArrayList<>();

    @Option(names = "--sources", description = "A submission of sources, a folder or a .zip: compiled TODO by TODO"
            + " against --skeleton, its notebooks graded too.")
    String sources;

    @Option(names = "--skeleton", description = "The skeleton's sources as released, a folder or a .zip, for --sources"
            + " (default with --root: its skeleton/as-released.zip, else its skeleton/src/main/java).")
    String skeleton;

    @Option(names = "--skeleton-classes", description = "The skeleton as released, compiled (mvn test -Pgrade passes"
            + " the build's), so that --sources need not compile it again.")
    String skeletonCompiled;

    @Option(names = "--out", defaultValue = "target/grade", description = "Where results.json goes"
            + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--problem", description = "A problem (4) or one of its TODOs (4.1).")
    String problem;

    @Option(names = "--test", description = "A test class, Class#method or package.*.")
    String test;

    @Option(names = "--label", description = "The report's first line.")
    String label;

    @Option(names = "--rerun", description = "The command that re-runs one test, %%s standing for Class#method.")
    String rerun;

    @Option(names = "--time-limit", defaultValue = "60", description = "Seconds of CPU time one test may take unless"
            + " it says otherwise; one that sleeps or waits is stopped after 5 times this idle (default:"
            + " ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--budget", defaultValue = "1800", description = "Seconds of wall-clock time the whole run may"
            + " take (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--jvm-arg", description = "An option for the test JVMs, after the sized memory options"
            + " (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--output-cap", defaultValue = "16384", description = "Bytes of printed output kept per test"
            + " (default: ${DEFAULT-VALUE}).")
    int outputCap;

    @Option(names = "--in-process", description = "Run the tests in this JVM, not isolated (for the grader's own"
            + " tests).")
    boolean inProcess;

    @Option(names = "--memory", description = "Each test JVM's total memory, such as 512m or 2g (default: sized from"
            + " the container).")
    String memory;

    @Option(names = "--leaderboard", description = "Add Gradescope's leaderboard (default: the course's setting).")
    boolean leaderboard;

    @Option(names = "--course", description = "The course's course.json (default with --root: its course.json).")
    String course;

    @Option(names = "--no-notebooks", description = "Grade the tests only, not the notebooks' questions.")
    boolean noNotebooks;

    @Option(names = "--notebooks", description = "The student's notebooks, a folder (default with --root and"
            + " compiled classes: its notebooks/; with --sources: those in the submission). Without the instructor's"
            + " notebooks their own checks grade them.")
    String notebooks;

    @Option(names = "--notebook-sources", description = "The instructor's notebooks, with the hidden checks"
            + " (default with --root: its notebooks/source/, when present).")
    String notebookSources;

    @Option(names = "--notebook-cell-timeout", defaultValue = "120", description = "Seconds of CPU time a notebook cell"
            + " may take unless it asks for more (default: ${DEFAULT-VALUE}).")
    double cellTimeout;

    @Option(names = "--stopped-file", description = "When the grading cannot start (a wrong option value, a folder"
            + " that is missing, no test selected), also write why to this file and exit 0: a build step that fails"
            + " on the file then ends the build with the reason instead of a plug-in's stack trace.")
    String stoppedFile;

    /**
     * The settings of a command line, as the command would grade with them (for callers that grade in this JVM).
     *
     * @throws IllegalArgumentException for a missing or wrong option, naming it
     */
    public static GradingRun.Settings parse(String... args) {
        GradeCommand command = new GradeCommand();
        try {
            new picocli.CommandLine(command).parseArgs(args);
        } catch (picocli.CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.settings();
    }

    @Override
    public Integer call() throws IOException {
        Path stopped = given(stoppedFile) == null ? null : Path.of(stoppedFile);
        if (stopped != null) {
            Files.deleteIfExists(stopped); // a file left by an earlier run must not fail this one
        }
        try {
            GradingRun.run(settings(), System.out);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (stopped == null) {
                throw e; // the command line reports it in one line and exits 2
            }
            System.err.println("grader grade: " + e.getMessage());
            Files.createDirectories(stopped.toAbsolutePath().getParent());
            Files.writeString(stopped, e.getMessage() + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The options as a grading's settings; a missing or contradictory option is an IllegalArgumentException. */
    GradingRun.Settings settings() {
        Layout layout = root == null ? null : new Layout(root);
        Course c = given(course) != null ? Course.read(Path.of(course)) : layout != null ? layout.course()
                : Course.defaults();
        List<Path> testDirs = paths(tests);
        if (testDirs.isEmpty() && layout != null) {
            testDirs.add(layout.testClasses());
        }
        if (testDirs.isEmpty()) {
            throw new IllegalArgumentException("--tests DIR is required: a folder of compiled test classes");
        }
        for (Path t : testDirs) {
            if (!Files.isDirectory(t)) {
                throw new IllegalArgumentException("--tests " + t + " is not a folder of compiled test classes"
                        + " (build the tests first)");
            }
        }
        List<Path> compiled = paths(submission);
        for (Path p : compiled) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--submission " + p + " does not exist (build it first)");
            }
        }
        Path sourceTree = given(sources) == null ? null : Path.of(sources);
        if (sourceTree != null && !Files.exists(sourceTree)) {
            throw new IllegalArgumentException("--sources " + sourceTree + " does not exist");
        }
        Path skeletonSources = given(skeleton) != null ? Path.of(skeleton)
                : layout != null ? layout.releasedSkeleton() : null;
        if (sourceTree != null && (skeletonSources == null || !Files.exists(skeletonSources))) {
            throw new IllegalArgumentException("--sources needs the skeleton's sources: give --skeleton DIR (or --root)");
        }
        Long memoryBytes = given(memory) == null ? null : size("--memory", memory);
        if (memoryBytes != null && memoryBytes < ChildMemory.MINIMUM) {
            throw new IllegalArgumentException("--memory " + memoryBytes / ChildMemory.MB + " MB is too little: a test"
                    + " JVM needs at least " + ChildMemory.MINIMUM / ChildMemory.MB + " MB");
        }
        positive("--time-limit", timeLimit);
        positive("--budget", budget);
        positive("--output-cap", outputCap);
        GradingRun.Limits limits = new GradingRun.Limits(timeLimit, budget, List.copyOf(jvmArgs), outputCap,
                inProcess, memoryBytes);
        Path skeletonClasses = given(skeletonCompiled) == null ? null : Path.of(skeletonCompiled);
        if (skeletonClasses != null && !Files.isDirectory(skeletonClasses)) {
            throw new IllegalArgumentException("--skeleton-classes " + skeletonClasses + " is not a folder of classes");
        }
        return new GradingRun.Settings(testDirs, paths(hidden), compiled, sourceTree, skeletonSources, skeletonClasses,
                out, Selection.of(problem, test), given(label),
                given(rerun) != null ? rerun : sourceTree != null ? Layout.STUDENT_RERUN : null, limits,
                leaderboard || c.leaderboard(), c,
                notebookGrading(layout, c, sourceTree != null));
    }

    private NotebookGrading notebookGrading(Layout layout, Course c, boolean fromSubmission) {
        if (noNotebooks) {
            return null;
        }
        Path students = given(notebooks) != null ? Path.of(notebooks)
                : layout != null && !fromSubmission ? layout.notebooks() : null;
        Path definers = given(notebookSources) != null ? Path.of(notebookSources)
                : layout != null && Files.isDirectory(layout.notebookSources()) ? layout.notebookSources() : null;
        if (definers == null && (students == null || fromSubmission && given(notebooks) == null)) {
            // A submission's own notebooks never define the questions that grade it: without the instructor's
            // notebooks there is nothing to grade them by. A student grading their own copy names theirs.
            return null;
        }
        positive("--notebook-cell-timeout", cellTimeout);
        return new NotebookGrading(students, definers, c, cellTimeout);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<Path> paths(List<String> values) {
        List<Path> out = new ArrayList<>();
        values.stream().filter(v -> !v.isBlank()).forEach(v -> out.add(Path.of(v)));
        return out;
    }

    private static void positive(String flag, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(flag + " must be positive, not " + value);
        }
    }

    /** A size in bytes, or with a suffix k, m, g (binary: 512m is 512 MiB). */
    static long size(String flag, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
        long unit = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        double n;
        try {
            n = Double.parseDouble(unit == 1 ? v : v.substring(0, v.length() - 1));
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        if (!(n > 0)) {
            throw new IllegalArgumentException(flag + " takes a positive size such as 512m or 2g, not " + value);
        }
        return (long) (n * unit);
    }
}

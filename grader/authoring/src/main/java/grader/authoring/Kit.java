package grader.authoring;

import grader.Grader;
import grader.authoring.batch.Batch;
import grader.authoring.generate.SkeletonGenerator;
import grader.authoring.generate.StudentNotebooks;
import grader.authoring.mutation.MutationTesting;
import grader.authoring.platform.Classroom;
import grader.authoring.platform.GradescopeBundle;
import grader.authoring.release.Release;
import grader.authoring.verify.Mistakes;
import grader.authoring.verify.NotebookCheck;
import grader.authoring.verify.SelfCheck;
import grader.course.Layout;
import grader.notebook.KernelFiles;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Unmatched;

/**
 * The instructor's command line, {@code grader/kit VERB} (run from the homework's root, or with {@code --root}).
 * Each verb is one method: it reads its options and hands the work to the type that does it. {@code --help} after
 * any verb lists its options.
 */
@Command(name = "kit", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Grader.Version.class,
        description = "The instructor's verbs: generate the student's copy, check the suites, release, grade.",
        subcommands = {Kit.Grade.class, Kit.BatchGrade.class})
public final class Kit implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", scope = ScopeType.INHERIT,
            description = "The homework's root folder (default: the current folder).")
    Path root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Grader.commandLine(new Kit(), "kit").execute(args));
    }

    /** No verb: the usage, and the status of a mistake on the command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    private Layout layout() {
        return new Layout(root);
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = {"Grade one submission (a folder or a zip of the student's files) as Gradescope does.",
                "Other options pass to the grader's grade command (grader grade --help)."})
    static final class Grade implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        Kit kit;

        @Option(names = "--submission", required = true, description = "A folder or a .zip.")
        Path submission;

        @Option(names = "--out", required = true, description = "Where results.json goes.")
        Path out;

        @Unmatched
        List<String> gradeOptions = new ArrayList<>();

        @Override
        public Integer call() {
            Results r = Batch.grade(kit.layout(), submission, out, gradeOptions);
            System.out.printf("%s: %s / %s -> %s%n", submission.getFileName(), r.score, r.maxScore(),
                    out.resolve("results.json"));
            return 0;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = {"Grade every folder or zip in SUBMISSIONS into OUT/NAME/results.json and a gradebook.",
                "Resumable: a stopped batch keeps what it graded. Other options pass to the grade command."})
    static final class BatchGrade implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        Kit kit;

        @Parameters(paramLabel = "SUBMISSIONS", description = "A folder of submissions.")
        Path submissions;

        @Option(names = "--out", required = true, description = "Where the results and gradebook.csv go.")
        Path out;

        @Option(names = "--jobs", defaultValue = "1", description = "Submissions graded side by side"
                + " (default: ${DEFAULT-VALUE}).")
        int jobs;

        @Unmatched
        List<String> gradeOptions = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            Batch.run(kit.layout(), submissions, out, Math.max(1, jobs), gradeOptions, System.out);
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write skeleton/ from reference/ and notebooks/*.ipynb from notebooks/source/.",
                "With --check, change nothing and fail when they differ from a fresh generation."})
    int generate(@Option(names = "--check", description = "Only compare; exit 1 on any difference.") boolean check) {
        Layout layout = layout();
        Map<String, String> skeleton = SkeletonGenerator.generate(layout.reference().resolve("src/main"));
        Path skeletonMain = layout.root().resolve("skeleton/src/main");
        Map<String, String> notebooks = StudentNotebooks.generate(layout.notebookSources(),
                layout.course().notebookKey());
        if (!check) {
            SkeletonGenerator.write(skeleton, skeletonMain);
            StudentNotebooks.write(notebooks, layout.notebooks());
            System.out.printf("wrote the skeleton (%d files) and %d student notebooks%n", skeleton.size(),
                    notebooks.size());
            return 0;
        }
        List<String> drift = new ArrayList<>();
        SkeletonGenerator.compare(skeleton, skeletonMain).forEach(d -> drift.add("skeleton/src/main/" + d));
        StudentNotebooks.compare(notebooks, layout.notebooks()).forEach(d -> drift.add("notebooks/" + d));
        if (!drift.isEmpty()) {
            System.out.println("out of date with reference/ and notebooks/source/:");
            drift.forEach(d -> System.out.println("  " + d));
            System.out.println("regenerate (grader/kit generate) and commit the result; never edit skeleton/ or"
                    + " notebooks/*.ipynb by hand.");
            return 1;
        }
        System.out.printf("up to date: the skeleton's %d files and %d student notebooks match their sources%n",
                skeleton.size(), notebooks.size());
        return 0;
    }

    @Command(name = "self-check", mixinStandardHelpOptions = true,
            description = "Grade the reference (full marks) and the skeleton (none), hidden suite, notebooks and"
                    + " leaderboard included; list every test that breaks the rule.")
    int selfCheck() throws IOException, InterruptedException {
        Layout layout = layout();
        return SelfCheck.run(layout, layout.target().resolve("selfcheck"), System.out);
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Write the student copy: the homework, the public tests, the student notebooks, the"
                    + " grader's runtime; no solution, hidden test or instructor's tool.")
    int release(@Option(names = "--out", required = true, description = "The folder to write it to.") Path out,
            @Option(names = "--check", description = "Then prove it: no leak, nothing undeclared, and it builds and"
                    + " grades from scratch.") boolean check) throws IOException, InterruptedException {
        Layout layout = layout();
        Release.write(layout, out);
        System.out.println("wrote the student release to " + out);
        if (!check) {
            return 0;
        }
        List<String> problems = Release.check(layout, out);
        problems.forEach(p -> System.out.println("release check: " + p));
        System.out.println(problems.isEmpty() ? "release check passed: no solution or hidden test in it, nothing"
                + " undeclared, and it builds and grades from scratch" : "release check FAILED");
        return problems.isEmpty() ? 0 : 1;
    }

    @Command(name = "gradescope", mixinStandardHelpOptions = true,
            description = "Build Gradescope's autograder zip (setup.sh, run_autograder); --check runs it on sources.")
    int gradescope(@Option(names = "--out", required = true, description = "The zip to write.") Path zip,
            @Option(names = "--check", paramLabel = "DIR", description = "Grade these folders as one submission in a"
                    + " simulated /autograder (repeatable).") List<Path> check) throws IOException, InterruptedException {
        GradescopeBundle.write(layout(), zip);
        System.out.println("wrote the Gradescope autograder " + zip);
        if (check == null || check.isEmpty()) {
            return 0;
        }
        Path work = zip.toAbsolutePath().resolveSibling("autograder-check");
        Results r = GradescopeBundle.check(zip, check, work);
        System.out.printf("gradescope check: %s scored %s / %s (%s)%n", check, r.score, r.maxScore(),
                work.resolve("results/results.json"));
        return r.tests.isEmpty() ? 1 : 0;
    }

    @Command(name = "classroom", mixinStandardHelpOptions = true,
            description = "Add GitHub Classroom's autograding workflow to a student release (written first when"
                    + " OUT has none).")
    int classroom(@Option(names = "--out", required = true, description = "The release's folder.") Path out,
            @Option(names = "--results", description = "Take the tests and points from this results.json instead of"
                    + " grading the skeleton.") Path resultsFile) throws IOException, InterruptedException {
        Layout layout = layout();
        if (!Files.exists(out.resolve("pom.xml"))) {
            Release.write(layout, out);
            System.out.println("wrote the student release to " + out);
        }
        Results tests = resultsFile != null ? ResultsJson.read(resultsFile)
                : Classroom.gradeSkeleton(layout, out.toAbsolutePath().resolveSibling(out.getFileName()
                        + "-classroom-tests"));
        Path file = Classroom.write(out, tests);
        System.out.printf("wrote %s: %d graded tests, %s points%n", file,
                tests.tests.stream().filter(t -> t.maxScore > 0 && "visible".equals(t.visibility)).count(),
                tests.tests.stream().filter(t -> "visible".equals(t.visibility)).mapToDouble(t -> t.maxScore).sum());
        return 0;
    }

    @Command(name = "mistakes", mixinStandardHelpOptions = true,
            description = "Run the catalogue of known mistakes (tests/mistakes): each must lose points, each"
                    + " alternative keep them.")
    int mistakes(@Option(names = "--jobs", defaultValue = "2", description = "Entries graded side by side.") int jobs,
            @Option(names = "--only", description = "Only the entries whose file name contains this.") String only,
            @Option(names = "--work", description = "A scratch folder (default: tests/target/mistakes).") Path work)
            throws IOException, InterruptedException {
        Layout layout = layout();
        return Mistakes.run(layout, work != null ? work : layout.target().resolve("mistakes"), jobs, only,
                System.out);
    }

    @Command(name = "mutation", mixinStandardHelpOptions = true,
            description = {"Mutation testing of the graded suites: PIT mutates each TODO's solution regions in the"
                + " reference and runs that TODO's tests.", "Each surviving mutant must be killed by a test or"
                + " explained in tests/mistakes/equivalent-mutants.txt."})
    int mutation(@Option(names = "--only", paramLabel = "PROBLEM|TODO", description = "One problem (6) or TODO"
                    + " (6.1).") String only,
            @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PIT's test JVMs side by side (default:"
                    + " ${DEFAULT-VALUE}).") int threads,
            @Option(names = "--mutators", paramLabel = "M", defaultValue = MutationTesting.MUTATORS, description = "PIT's mutators or"
                    + " groups, comma separated (default: ${DEFAULT-VALUE}).") String mutators,
            @Option(names = "--min-killed", paramLabel = "PERCENT", defaultValue = "95", description = "The percentage of its non-equivalent"
                    + " mutants each problem must kill (default: ${DEFAULT-VALUE}).") double minKilled,
            @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default:"
                    + " tests/target/mutation).") Path out)
            throws IOException, InterruptedException {
        Layout layout = layout();
        return MutationTesting.run(layout, only, mutators, threads, minKilled,
                out != null ? out : layout.target().resolve("mutation"), System.out);
    }

    @Command(name = "notebooks", mixinStandardHelpOptions = true,
            description = "Run every source notebook on the reference; planted mistakes must lose their questions and"
                    + " broken notebooks only their own.")
    int notebooks(@Option(names = "--cell-timeout", defaultValue = "120", description = "Seconds a cell may run.")
            double cellTimeout,
            @Option(names = "--walkthroughs-only", description = "Run only the notebooks without questions (the"
                    + " self-check grades the others).") boolean walkthroughsOnly) throws IOException {
        Layout layout = layout();
        return NotebookCheck.run(layout, cellTimeout, walkthroughsOnly, layout.target().resolve("notebook-check"),
                System.out);
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Install the notebooks' Java kernel for Jupyter, and the jars their set-up cells load.")
    int kernel() {
        Layout layout = layout();
        KernelFiles.install(layout.root(), layout.dependencyClasspath()).forEach(p -> System.out.println("wrote " + p));
        System.out.println("open the notebooks with: jupyter notebook notebooks/");
        return 0;
    }
}

package grader.authoring;

import grader.Grader;
import grader.authoring.batch.Batch;
import grader.authoring.generate.ReleasedSkeleton;
import grader.authoring.generate.SkeletonGenerator;
import grader.authoring.generate.NotebookValidity;
import grader.authoring.generate.StudentNotebooks;
import grader.authoring.mutation.MutationTesting;
import grader.authoring.platform.Classroom;
import grader.authoring.platform.GradescopeBundle;
import grader.authoring.release.Release;
import grader.authoring.verify.Mistakes;
import grader.authoring.verify.NotebookCheck;
import grader.authoring.verify.OneTodoAtATime;
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
import picocli.CommandLine.Mixin;
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

        @Option(names = "--force", description = "Grade every submission again, changed or not (after fixing a test,"
                + " say); by default only new and changed ones are graded.")
        boolean force;

        @Option(names = "--deadline", description = "Grade each git repository at its last commit at or before this"
                + " date and time (2025-05-01T23:59, or with an offset: 2025-05-01T23:59+02:00).")
        String deadline;

        @Option(names = "--extensions", paramLabel = "CSV", description = "Per-student deadlines: rows of"
                + " 'submission,deadline' (a date and time, or +2d, +36h of the class deadline).")
        Path extensions;

        @Option(names = "--zone", description = "The time zone of deadlines without an offset (default: this"
                + " machine's).")
        java.time.ZoneId zone;

        @Unmatched
        List<String> gradeOptions = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            if (extensions != null && deadline == null) {
                throw new IllegalArgumentException("--extensions needs --deadline (the class deadline they extend)");
            }
            grader.authoring.batch.Deadlines deadlines = deadline == null ? null
                    : grader.authoring.batch.Deadlines.parse(deadline, extensions,
                            zone != null ? zone : java.time.ZoneId.systemDefault());
            Batch.run(kit.layout(), submissions, out, new Batch.Options(Math.max(1, jobs), force, deadlines),
                    gradeOptions, System.out);
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
        Path zip = layout.root().resolve(Layout.RELEASED_SKELETON);
        Map<String, String> notebooks = StudentNotebooks.generate(layout.notebookSources(),
                layout.course().notebookKey());
        if (!check) {
            SkeletonGenerator.write(skeleton, skeletonMain);
            ReleasedSkeleton.write(ReleasedSkeleton.of(skeleton), zip);
            StudentNotebooks.write(notebooks, layout.notebooks());
            System.out.printf("wrote the skeleton (%d files, and zipped as released) and %d student notebooks%n",
                    skeleton.size(), notebooks.size());
            return validNotebooks(layout) ? 0 : 1;
        }
        boolean valid = validNotebooks(layout);
        List<String> drift = new ArrayList<>();
        SkeletonGenerator.compare(skeleton, skeletonMain).forEach(d -> drift.add("skeleton/src/main/" + d));
        if (!Files.isRegularFile(zip)) {
            drift.add(Layout.RELEASED_SKELETON + ": missing");
        } else {
            ReleasedSkeleton.compare(ReleasedSkeleton.of(skeleton), zip)
                    .forEach(d -> drift.add(Layout.RELEASED_SKELETON + ": " + d));
        }
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
        return valid ? 0 : 1;
    }

    /** Every student and source notebook is valid nbformat 4 (prints what is not, or what was skipped). */
    private static boolean validNotebooks(Layout layout) {
        List<Path> all = new ArrayList<>(grader.notebook.Notebook.list(layout.notebooks()));
        all.addAll(grader.notebook.Notebook.list(layout.notebookSources()));
        NotebookValidity.Report report = NotebookValidity.check(all);
        if (report.skipped() != null) {
            System.out.println(report.skipped());
        }
        if (!report.problems().isEmpty()) {
            System.out.println("notebooks that Jupyter would refuse (\"Notebook validation failed\"):");
            report.problems().forEach(p -> System.out.println("  " + p));
            return false;
        }
        System.out.printf("valid: %d notebooks pass nbformat 4's %s%n", all.size(), report.skipped() == null
                ? "validation (nbformat's own and the structural check)" : "structural check");
        return true;
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
        System.out.printf("wrote %s: %d steps (graded tests and notebook questions), %s points%n", file,
                tests.tests.stream().filter(t -> t.maxScore > 0 && "visible".equals(t.visibility)).count(),
                tests.tests.stream().filter(t -> "visible".equals(t.visibility)).mapToDouble(t -> t.maxScore).sum());
        return 0;
    }

    /** The options of a check that grades many scratch copies, a few at a time. */
    static final class ScratchChecks {
        @Option(names = "--jobs", defaultValue = "2", description = "Gradings side by side (default: 2).") int jobs;
        @Option(names = "--only", description = "Only the catalogue's entries whose file name contains this; only"
                + " one TODO (4.3) or problem (4).") String only;
        @Option(names = "--work", description = "A scratch folder (default: one under tests/target).") Path work;

        Path work(Layout layout, String name) {
            return work != null ? work : layout.target().resolve(name);
        }
    }

    @Command(name = "mistakes", mixinStandardHelpOptions = true,
            description = "Run the catalogue of known mistakes (tests/mistakes): each must lose points, each"
                    + " alternative keep them.")
    int mistakes(@Mixin ScratchChecks run) throws IOException, InterruptedException {
        Layout layout = layout();
        return Mistakes.run(layout, run.work(layout, "mistakes"), run.jobs, run.only, System.out);
    }

    @Command(name = "todos", mixinStandardHelpOptions = true,
            description = {"Prove that each TODO can be done on its own: the skeleton with only that TODO solved earns",
                "its tests' points, or they say which TODO comes first (as its docstring does)."})
    int todos(@Mixin ScratchChecks run) throws IOException, InterruptedException {
        Layout layout = layout();
        return OneTodoAtATime.run(layout, run.work(layout, "one-todo"), run.jobs, run.only, System.out);
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
            description = "Run every source notebook on the reference; planted mistakes must lose their questions,"
                    + " broken notebooks only their own, and Jupyter with the kit's kernel must give the grader's"
                    + " outputs (where Jupyter is installed).")
    int notebooks(@Option(names = "--cell-timeout", defaultValue = "120", description = "Seconds a cell may run.")
            double cellTimeout,
            @Option(names = "--walkthroughs-only", description = "Run only the notebooks without questions (the"
                    + " self-check grades the others).") boolean walkthroughsOnly) throws IOException {
        Layout layout = layout();
        return NotebookCheck.run(layout, cellTimeout, walkthroughsOnly, layout.target().resolve("notebook-check"),
                System.out);
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"The class view of a folder of results (batch's output, or any folder of results.json):"
                + " score distributions, failure rates, grouped messages, likely misconceptions; report.html and CSVs."})
    int report(@Parameters(paramLabel = "RESULTS", description = "A folder of results (batch's --out).") Path results,
            @Option(names = "--out", description = "Where the report goes (default: RESULTS).") Path out,
            @Option(names = "--signatures", description = "The catalogue's signatures (default: what grader/kit"
                    + " mistakes last recorded).") Path signatures) {
        Layout layout = layout();
        grader.authoring.classview.ClassReport.run(layout, results, out != null ? out : results,
                signatures != null ? signatures : grader.authoring.verify.CatalogueSignatures.file(layout), System.out);
        return 0;
    }

    @Command(name = "similarity", mixinStandardHelpOptions = true,
            description = {"Compare the students' solutions (their TODO methods only, the skeleton as base code) with"
                + " JPlag, in a Java 21+ JVM found on this machine; write JPlag's report and the most similar pairs."})
    int similarity(@Parameters(paramLabel = "SUBMISSIONS", description = "A folder of submissions, as batch takes.")
            Path submissions,
            @Option(names = "--out", required = true, description = "Where the report and the pair lists go.") Path out,
            @Option(names = "--threshold", defaultValue = "0.5", description = "List pairs at least this similar, 0–1"
                    + " (default: ${DEFAULT-VALUE}).") double threshold,
            @Option(names = "--min-tokens", defaultValue = "9", description = "JPlag's shortest match, in tokens"
                    + " (default: ${DEFAULT-VALUE}, JPlag's for Java).") int minTokens,
            @Option(names = "--java", paramLabel = "JDK", description = "A JDK 21+ to run JPlag (default: JAVA_HOME or"
                    + " one found on this machine).") Path java) throws IOException, InterruptedException {
        grader.authoring.similarity.Similarity.run(layout(), submissions, out, threshold, minTokens, java, System.out);
        return 0;
    }

    @Command(name = "demo-class", mixinStandardHelpOptions = true,
            description = {"The class view end to end on a made-up class of 34 built from the catalogue: batch (with a"
                + " deadline), report checked against what each student was given, a regrade, similarity.",
                "Grades the real homework: about 15 minutes on 2 cores."})
    int demoClass(@Option(names = "--out", required = true, description = "Where the class and every output go.")
            Path out,
            @Option(names = "--jobs", defaultValue = "2", description = "Submissions graded side by side (default:"
                    + " ${DEFAULT-VALUE}).") int jobs,
            @Option(names = "--seed", defaultValue = "23", description = "Which made-up class (default:"
                    + " ${DEFAULT-VALUE}).") long seed) throws IOException, InterruptedException {
        return grader.authoring.demo.DemoClass.run(layout(), out, Math.max(1, jobs), seed, System.out);
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Install the notebooks' Java kernel for Jupyter, and the jars their set-up cells load.")
    int kernel() {
        Layout layout = layout();
        KernelFiles.install(layout.root(), layout.dependencyClasspath(), KernelFiles.userKernels())
                .forEach(p -> System.out.println("wrote " + p));
        System.out.println("open the notebooks with: jupyter notebook notebooks/");
        return 0;
    }
}

package grader.notebook;

import grader.report.Results;
import grader.report.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The notebook half of a grading run (GradeMain's options {@code --notebooks DIR} — the student's notebooks —,
 * {@code --notebook-sources DIR} — the instructor's, with the hidden checks —, {@code --kernel-jar JAR},
 * {@code --notebook-cell-timeout S}, {@code --notebook-start-timeout S}). Its questions join the same results.json.
 */
public final class NotebookStep {
    public static final Set<String> FLAGS = Set.of("--notebooks", "--notebook-sources", "--kernel-jar",
            "--notebook-cell-timeout", "--notebook-start-timeout");

    private Path students;
    private Path sources;
    private Path kernelJar;
    private double cellTimeout = 120;
    private double startTimeout = 30;

    /** Takes one of {@link #FLAGS}; a blank value leaves the setting off (so a build can pass an empty one). */
    public void set(String flag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        switch (flag) {
            case "--notebooks" -> students = Paths.get(value);
            case "--notebook-sources" -> sources = Paths.get(value);
            case "--kernel-jar" -> kernelJar = Paths.get(value);
            case "--notebook-cell-timeout" -> cellTimeout = Double.parseDouble(value);
            case "--notebook-start-timeout" -> startTimeout = Double.parseDouble(value);
            default -> throw new IllegalArgumentException("unknown notebook option " + flag);
        }
    }

    public boolean enabled() {
        return (students != null && Files.isDirectory(students)) || (sources != null && Files.isDirectory(sources));
    }

    /** The questions selected by the run's --problem (a --test selection leaves the notebooks out). */
    private Predicate<Question> selection(Integer problem, String test) {
        return q -> test == null && (problem == null || q.problem() == problem);
    }

    private NotebookGrader.Request request(List<Path> submission, Path work, Path out, Integer problem,
            String test) {
        List<Path> classpath = new ArrayList<>(submission);
        classpath.addAll(KernelFiles.split(System.getProperty("java.class.path", "")));
        Path jar = kernelJar;
        if (jar == null) {
            Path base = students != null ? students : sources;
            jar = base.toAbsolutePath().normalize().getParent().resolve("tests/target/kernel/rapaio-jupyter-kernel.jar");
            if (sources != null && base == sources && !Files.exists(jar)) {
                jar = base.toAbsolutePath().normalize().getParent().getParent()
                        .resolve("tests/target/kernel/rapaio-jupyter-kernel.jar");
            }
        }
        Path defs = sources != null && Files.isDirectory(sources) ? sources : null;
        return new NotebookGrader.Request(students, defs, classpath,
                new NotebookRunner.Settings(jar, startTimeout, cellTimeout, false), work, out,
                selection(problem, test), false);
    }

    /** Every selected question as "not run", for the provisional results.json. */
    public List<TestResult> provisional(Integer problem, String test) {
        List<TestResult> out = new ArrayList<>();
        if (!enabled()) {
            return out;
        }
        for (Question q : NotebookGrader.questions(request(List.of(), null, null, problem, test))) {
            TestResult t = NotebookGrader.notRun(q);
            out.add(t);
        }
        return out;
    }

    /** Grades the notebooks and adds their questions to {@code results}. */
    public void addTo(Results results, List<Path> submission, Path work, Path out, Integer problem, String test) {
        if (!enabled()) {
            return;
        }
        List<TestResult> graded = NotebookGrader.grade(request(submission, work.resolve("notebooks"), out, problem,
                test));
        for (TestResult t : graded) {
            results.tests.add(t);
            results.score += t.score;
        }
    }
}

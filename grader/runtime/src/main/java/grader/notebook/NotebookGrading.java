package grader.notebook;

import grader.report.Results;
import grader.report.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The notebook half of a grading run: its questions join the same results.json as the tests.
 *
 * @param students     the student's notebooks (a folder), or null
 * @param sources      the instructor's notebooks, with the hidden checks; null in a student's release
 * @param course       the course: its notebooks' metadata key, JVM options and environment
 * @param cellTimeout  seconds a cell may run, unless it asks for more
 */
public record NotebookGrading(Path students, Path sources, grader.course.Course course, double cellTimeout) {

    /** Whether there is anything to grade: a folder of student or instructor notebooks. */
    public boolean enabled() {
        return (students != null && Files.isDirectory(students)) || (sources != null && Files.isDirectory(sources));
    }

    /** The same grading of other student notebooks (a submission's). */
    public NotebookGrading withStudents(Path otherStudents) {
        return new NotebookGrading(otherStudents, sources, course, cellTimeout);
    }

    private NotebookGrader.Request request(List<Path> submission, Path work, Predicate<Question> selected) {
        List<Path> classpath = new ArrayList<>(submission);
        classpath.addAll(KernelFiles.split(System.getProperty("java.class.path", "")));
        Path defs = sources != null && Files.isDirectory(sources) ? sources : null;
        return new NotebookGrader.Request(students, defs, course.notebookKey(), classpath,
                new NotebookRunner.Settings(course, cellTimeout, false), work,
                selected, false);
    }

    /** Every selected question as "not run", for the provisional results.json. */
    public List<TestResult> provisional(Predicate<Question> selected) {
        List<TestResult> out = new ArrayList<>();
        if (enabled()) {
            NotebookGrader.questions(request(List.of(), null, selected))
                    .forEach(q -> out.add(NotebookGrader.notRun(q)));
        }
        return out;
    }

    /** Grades the notebooks against the submission's classes and adds their questions to {@code results}. */
    public void addTo(Results results, List<Path> submission, Path work, Predicate<Question> selected) {
        if (!enabled()) {
            return;
        }
        for (TestResult t : NotebookGrader.grade(request(submission, work.resolve("notebooks"), selected))) {
            results.tests.add(t);
            results.score += t.score;
        }
    }
}

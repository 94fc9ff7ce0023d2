package grader.notebook;

import grader.io.ChildSandbox;
import grader.io.FileOps;
import grader.report.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Grades a student's notebooks: each graded question becomes one results.json entry ("notebook" in its name and
 * tags), scored by the checks the instructor's notebook holds.
 *
 * <p>For every notebook of the sources (or of the student's folder when there are none, as in a student's
 * release) the grader takes the student's copy, splices the instructor's checks into it ({@link NotebookSplicer}),
 * runs it with the JDK's JShell in a child JVM ({@link NotebookRunner}) and scores it ({@link NotebookScorer}). A notebook that does not open,
 * a kernel that dies, a cell that throws or never ends costs only that notebook's questions, and the message names
 * the cell. Free-text answers earn nothing here: each one's text is in its question's entry, for the staff
 * ({@link FreeAnswers}).
 */
public final class NotebookGrader {

    /**
     * What to grade and how.
     *
     * @param students    the student's notebooks (a folder), or null
     * @param sources     the instructor's notebooks, whose questions and checks count; null to take the questions
     *                    from the student's folder (a student's release, which has no instructor's notebooks)
     * @param key         the metadata key of the grader's cells
     * @param classpath   the submission's classes and every library, for the set-up cell
     * @param settings    the runner's time limits and the course
     * @param work        a folder of this grading's own
     * @param selected    which questions
     * @param runUngraded also run the notebooks without questions (the instructor's check of the walkthroughs)
     */
    public record Request(Path students, Path sources, String key, List<Path> classpath,
            NotebookRunner.Settings settings, Path work, Predicate<Question> selected, boolean runUngraded) {
    }

    private NotebookGrader() {
    }

    /** The questions the request would grade (for a provisional results.json), without running anything. */
    public static List<Question> questions(Request r) {
        List<Question> out = new ArrayList<>();
        for (Path nb : definers(r)) {
            try {
                Question.of(nb.getFileName().toString(), Notebook.read(nb, r.key())).stream().filter(r.selected())
                        .forEach(out::add);
            } catch (IllegalArgumentException e) {
                // reported when graded
            }
        }
        return out;
    }

    /** A question that has not run yet (the provisional results.json). */
    public static TestResult notRun(Question q) {
        return QuestionResults.notRun(q);
    }

    private static List<Path> definers(Request r) {
        return Notebook.list(r.sources() != null ? r.sources() : r.students());
    }

    public static List<TestResult> grade(Request r) {
        List<TestResult> results = new ArrayList<>();
        Map<String, NotebookSplicer.Spliced> spliced = new LinkedHashMap<>();
        Map<String, Notebook> students = new LinkedHashMap<>();
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        FileOps.deleteTree(r.work());
        // The cells run as the test JVMs do (another user where the grader is root): their jar lists only copies.
        try (ChildSandbox sandbox = ChildSandbox.open(r.work())) {
            Files.createDirectories(r.work().resolve("graded"));
            Path jar = KernelFiles.pathingJar(r.work().resolve("kit.jar"), r.classpath());
            // The graded notebooks keep this one (to open them again afterwards); the run gets the sandbox's.
            Path childJar = !sandbox.active() ? jar : sandbox.visible(KernelFiles.pathingJar(sandbox.shared("kit.jar"),
                    r.classpath().stream().map(sandbox::visible).toList()));
            Path toChild = r.work().resolve(sandbox.active() ? "run" : "graded");
            Files.createDirectories(toChild);
            for (Path definer : definers(r)) {
                String name = definer.getFileName().toString();
                List<Question> questions;
                Notebook source;
                try {
                    source = Notebook.read(definer, r.key());
                    questions = Question.of(name, source).stream().filter(r.selected()).toList();
                } catch (IllegalArgumentException e) {
                    results.add(QuestionResults.unreadable(name, e.getMessage()));
                    continue;
                }
                if (questions.isEmpty() && !r.runUngraded()) {
                    continue; // a walkthrough: nothing to grade, so not run while grading
                }
                Path studentFile = r.students() == null ? null : r.students().resolve(name);
                if (studentFile == null || !Files.isRegularFile(studentFile)) {
                    questions.forEach(q -> results.add(QuestionResults.of(q, false, name + " was not submitted")));
                    continue;
                }
                Notebook student;
                try {
                    student = Notebook.read(studentFile, r.key());
                } catch (IllegalArgumentException e) {
                    questions.forEach(q -> results.add(QuestionResults.of(q, false, e.getMessage()
                            + "; only this notebook's questions lose points")));
                    continue;
                }
                NotebookSplicer.Spliced p = NotebookSplicer.splice(name, questions, source, student, jar);
                p.graded().write(r.work().resolve("graded").resolve(name));
                if (sandbox.active()) {
                    NotebookSplicer.splice(name, questions, source, student, childJar).graded()
                            .write(toChild.resolve(name));
                }
                spliced.put(name, p);
                students.put(name, student);
            }
            Map<String, NotebookRunner.Run> runs = Map.of();
            List<Path> toRun = spliced.keySet().stream().map(toChild::resolve).toList();
            if (!toRun.isEmpty()) {
                runs = NotebookRunner.run(toRun, r.settings(), r.work(), Map.of(NotebookScorer.TOKEN_VARIABLE, token),
                        sandbox);
            }
            for (NotebookSplicer.Spliced p : spliced.values()) {
                results.addAll(NotebookScorer.score(p, runs.get(p.name()), token, students.get(p.name())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot grade the notebooks: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    /** The error a cell of a run notebook raised, as "Name: value", or null. */
    public static String error(com.google.gson.JsonObject cell) {
        return NotebookScorer.error(cell);
    }
}

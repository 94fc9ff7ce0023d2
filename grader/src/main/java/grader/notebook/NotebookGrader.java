package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
 * release) the grader takes the student's copy, drops whatever check cells it has, puts the instructor's check
 * cells (public and hidden) right after the answer cell of their question, points the set-up cell at the
 * submission's classes, and runs it headless. A question earns its points when its checks ran and all passed.
 * A notebook that does not open, a kernel that dies, a cell that throws or never ends costs only that notebook's
 * questions, and the message names the cell. Free-text answers earn nothing here: they are collected for a TA.
 */
public final class NotebookGrader {
    /** Where the free-text answers go, beside results.json. */
    public static final String ANSWERS_FILE = "notebook-answers.md";

    /** What to grade and how. */
    public record Request(Path students, Path sources, List<Path> classpath, NotebookRunner.Settings settings,
            Path work, Path out, Predicate<Question> selected, boolean runUngraded) {
    }

    /** A notebook prepared for grading: the cells' origins (1-based cell of the student's notebook, or -1). */
    private record Prepared(String name, List<Question> questions, Notebook graded, List<Integer> origins,
            Map<String, String> problems) {
    }

    private NotebookGrader() {
    }

    /** The questions the request would grade (for a provisional results.json), without running anything. */
    public static List<Question> questions(Request r) {
        List<Question> out = new ArrayList<>();
        for (Path nb : definers(r)) {
            try {
                Question.of(nb.getFileName().toString(), Notebook.read(nb)).stream().filter(r.selected())
                        .forEach(out::add);
            } catch (IllegalArgumentException e) {
                // reported when graded
            }
        }
        return out;
    }

    private static List<Path> definers(Request r) {
        return r.sources() != null ? StudentNotebooks.list(r.sources()) : StudentNotebooks.list(r.students());
    }

    public static List<TestResult> grade(Request r) {
        List<TestResult> results = new ArrayList<>();
        Map<String, Prepared> prepared = new LinkedHashMap<>();
        StringBuilder answers = new StringBuilder("# Free-text answers, for grading by hand\n");
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            FileOps.deleteTree(r.work());
            Files.createDirectories(r.work().resolve("graded"));
            Path jar = KernelFiles.pathingJar(r.work().resolve("kit.jar"), r.classpath());
            for (Path definer : definers(r)) {
                String name = definer.getFileName().toString();
                List<Question> questions;
                Notebook source;
                try {
                    source = Notebook.read(definer);
                    questions = Question.of(name, source).stream().filter(r.selected()).toList();
                } catch (IllegalArgumentException e) {
                    results.add(unreadable(name, e.getMessage()));
                    continue;
                }
                if (questions.isEmpty() && !r.runUngraded()) {
                    continue; // a walkthrough: nothing to grade, so not run while grading
                }
                Path studentFile = r.students() == null ? null : r.students().resolve(name);
                if (studentFile == null || !Files.isRegularFile(studentFile)) {
                    questions.forEach(q -> results.add(result(q, false, name + " was not submitted")));
                    continue;
                }
                Notebook student;
                try {
                    student = Notebook.read(studentFile);
                } catch (IllegalArgumentException e) {
                    questions.forEach(q -> results.add(result(q, false, e.getMessage()
                            + "; only this notebook's questions lose points")));
                    continue;
                }
                collectFreeAnswers(name, questions, student, answers);
                Prepared p = prepare(name, questions, source, student, jar);
                p.graded().write(r.work().resolve("graded").resolve(name));
                prepared.put(name, p);
            }
            Map<String, NotebookRunner.Run> runs = Map.of();
            String notRun = null;
            List<Path> toRun = prepared.keySet().stream().map(n -> r.work().resolve("graded").resolve(n)).toList();
            if (!toRun.isEmpty()) {
                try {
                    runs = NotebookRunner.run(toRun, r.settings(), r.work(),
                            Map.of("GPTHW_CHECK_TOKEN", token));
                } catch (IllegalStateException e) {
                    notRun = "not run: " + e.getMessage();
                }
            }
            for (Prepared p : prepared.values()) {
                NotebookRunner.Run run = runs.get(p.name());
                results.addAll(score(p, run, notRun, token));
            }
            if (r.out() != null) {
                FileOps.writeAtomically(r.out().resolve(ANSWERS_FILE), answers.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot grade the notebooks: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    /** The student's notebook with the instructor's checks in place and the set-up cell on {@code jar}. */
    private static Prepared prepare(String name, List<Question> questions, Notebook source, Notebook student,
            Path jar) {
        Map<String, List<JsonObject>> checks = new LinkedHashMap<>();
        for (JsonObject cell : source.cells()) {
            String q = Notebook.string(Notebook.meta(cell), "check");
            if (q != null) {
                JsonObject c = cell.deepCopy();
                c.add("outputs", new JsonArray());
                checks.computeIfAbsent(q, k -> new ArrayList<>()).add(c);
            }
        }
        Notebook graded = student.copy();
        JsonArray cells = new JsonArray();
        List<Integer> origins = new ArrayList<>();
        String setup = "%jars " + jar.toAbsolutePath();
        boolean hasSetup = false;
        List<JsonObject> studentCells = student.cells();
        for (int i = 0; i < studentCells.size(); i++) {
            JsonObject cell = studentCells.get(i).deepCopy();
            JsonObject meta = Notebook.meta(cell);
            if (meta != null && meta.has("check")) {
                continue; // the instructor's checks count, not the student's copy of them
            }
            if (meta != null && meta.has("setup")) {
                Notebook.setSource(cell, setup);
                hasSetup = true;
            }
            cells.add(cell);
            origins.add(i + 1);
            String q = Notebook.string(meta, "question");
            if (q != null) {
                for (JsonObject check : checks.getOrDefault(q, List.of())) {
                    cells.add(check.deepCopy());
                    origins.add(-1);
                }
            }
        }
        if (!hasSetup) {
            JsonObject s = new JsonObject();
            s.addProperty("setup", true);
            JsonArray withSetup = new JsonArray();
            withSetup.add(Notebook.codeCell(setup, s));
            withSetup.addAll(cells);
            cells = withSetup;
            origins.add(0, -1);
        }
        graded.json.add("cells", cells);
        return new Prepared(name, questions, graded, origins, Map.of());
    }

    private static List<TestResult> score(Prepared p, NotebookRunner.Run run, String notRun, String token) {
        List<TestResult> out = new ArrayList<>();
        Notebook executed = null;
        if (run != null && run.executed() != null) {
            try {
                executed = Notebook.read(run.executed());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                executed = null;
            }
        }
        List<JsonObject> cells = executed == null ? List.of() : executed.cells();
        for (Question q : p.questions()) {
            if (q.manual()) {
                out.add(manual(q, p));
                continue;
            }
            if (notRun != null) {
                out.add(result(q, false, notRun));
                continue;
            }
            int answer = -1;
            List<Integer> checkCells = new ArrayList<>();
            for (int i = 0; i < p.graded().cells().size(); i++) {
                JsonObject m = Notebook.meta(p.graded().cells().get(i));
                if (q.id().equals(Notebook.string(m, "question"))) {
                    answer = i;
                }
                if (q.id().equals(Notebook.string(m, "check"))) {
                    checkCells.add(i);
                }
            }
            if (answer < 0) {
                out.add(result(q, false, "the answer cell of Question " + q.id() + " is missing from " + p.name()
                        + " (a cell whose metadata has \"gpthw\": {\"question\": \"" + q.id() + "\"})"));
                continue;
            }
            if (checkCells.isEmpty()) {
                out.add(result(q, false, "Question " + q.id() + " has no check in the instructor's notebook"));
                continue;
            }
            out.add(judge(q, p, run, cells, answer, checkCells, token));
        }
        return out;
    }

    private static TestResult judge(Question q, Prepared p, NotebookRunner.Run run, List<JsonObject> cells,
            int answer, List<Integer> checkCells, String token) {
        if (run == null) {
            return result(q, false, "not run");
        }
        int last = checkCells.get(checkCells.size() - 1);
        if (!run.ok() && (run.cell() == null || run.cell() <= last)) {
            String where = run.cell() == null ? "" : " at " + describe(p, run.cell());
            return result(q, false, p.name() + " stopped" + where + ": " + run.message()
                    + (run.status().equals("no-start") ? " (tried three times)" : "")
                    + "; only this notebook's questions lose points");
        }
        String answerError = answer < cells.size() ? error(cells.get(answer)) : null;
        int passed = 0;
        for (int i : checkCells) {
            JsonObject cell = i < cells.size() ? cells.get(i) : null;
            String error = cell == null ? "it did not run" : error(cell);
            if (error != null) {
                String because = answerError != null ? "your answer cell (" + describe(p, answer) + ") raised "
                        + answerError + "; " : "";
                return result(q, false, because + "the check of Question " + q.id() + " raised " + error);
            }
            for (String line : stdout(cell).split("\n")) {
                String prefix = "##gpthw-check " + token + " " + q.id() + " ";
                if (line.startsWith(prefix)) {
                    String rest = line.substring(prefix.length());
                    if (rest.startsWith("pass")) {
                        passed++;
                    } else {
                        String why = rest.startsWith("fail") ? rest.substring(4).strip() : rest;
                        return result(q, false, "Question " + q.id() + ": " + why);
                    }
                }
            }
        }
        if (passed == 0) {
            return result(q, false, "the check of Question " + q.id() + " reported no result");
        }
        return result(q, true, "Question " + q.id() + ": passed");
    }

    private static String describe(Prepared p, int gradedIndex) {
        int origin = gradedIndex < p.origins().size() ? p.origins().get(gradedIndex) : -1;
        JsonObject cell = p.graded().cells().get(Math.min(gradedIndex, p.graded().cells().size() - 1));
        String first = Notebook.firstLine(cell);
        if (origin < 0) {
            String check = Notebook.string(Notebook.meta(cell), "check");
            return check != null ? "the check of Question " + check : "the set-up cell";
        }
        return "cell " + origin + " (\"" + first + "\")";
    }

    /** The error a cell raised, as "Name: value", or null. */
    static String error(JsonObject cell) {
        JsonElement outputs = cell.get("outputs");
        if (outputs == null || !outputs.isJsonArray()) {
            return null;
        }
        for (JsonElement o : outputs.getAsJsonArray()) {
            JsonObject out = o.getAsJsonObject();
            if ("error".equals(Notebook.string(out, "output_type"))) {
                String value = plain(Notebook.string(out, "evalue"));
                if (value.isBlank() && out.has("traceback")) {
                    StringBuilder b = new StringBuilder();
                    out.getAsJsonArray("traceback").forEach(t -> b.append(plain(t.getAsString())).append(' '));
                    value = b.toString().replaceAll("\\s+", " ").strip();
                }
                String text = plain(Notebook.string(out, "ename")) + ": " + value;
                return text.length() <= 600 ? text : text.substring(0, 599) + "…";
            }
        }
        return null;
    }

    private static String stdout(JsonObject cell) {
        StringBuilder b = new StringBuilder();
        JsonElement outputs = cell.get("outputs");
        if (outputs != null && outputs.isJsonArray()) {
            for (JsonElement o : outputs.getAsJsonArray()) {
                JsonObject out = o.getAsJsonObject();
                if ("stream".equals(Notebook.string(out, "output_type")) && out.has("text")) {
                    JsonElement t = out.get("text");
                    if (t.isJsonArray()) {
                        t.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
                    } else {
                        b.append(t.getAsString());
                    }
                    b.append('\n');
                }
            }
        }
        return plain(b.toString());
    }

    /** Without ANSI colour codes (the kernel colours its messages). */
    static String plain(String s) {
        return s == null ? "" : s.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }

    private static void collectFreeAnswers(String name, List<Question> questions, Notebook student,
            StringBuilder answers) {
        boolean header = false;
        for (Question q : questions) {
            if (!q.manual()) {
                continue;
            }
            if (!header) {
                answers.append("\n## ").append(name).append("\n");
                header = true;
            }
            answers.append("\n### Question ").append(q.id()).append(q.title().isBlank() ? "" : " — " + q.title())
                    .append("\n\n");
            String text = freeAnswer(q, student);
            answers.append(text == null ? "_(no answer written)_" : text.strip()).append("\n");
        }
    }

    private static String freeAnswer(Question q, Notebook student) {
        for (JsonObject cell : student.cells()) {
            if (q.id().equals(Notebook.string(Notebook.meta(cell), "question"))) {
                String text = Notebook.source(cell);
                String answer = text.contains(StudentNotebooks.FREE_PLACEHOLDER) || text.isBlank() ? null : text;
                return answer == null ? null : answer.replace("<!-- BEGIN SOLUTION -->", "")
                        .replace("<!-- END SOLUTION -->", "");
            }
        }
        return null;
    }

    private static TestResult manual(Question q, Prepared p) {
        String answer = null;
        for (JsonObject cell : p == null ? List.<JsonObject>of() : p.graded().cells()) {
            if (q.id().equals(Notebook.string(Notebook.meta(cell), "question"))) {
                String text = Notebook.source(cell);
                answer = text.contains(StudentNotebooks.FREE_PLACEHOLDER) || text.isBlank() ? null : text;
            }
        }
        TestResult t = base(q);
        t.maxScore = 0;
        t.score = 0;
        t.status = answer == null ? "failed" : "passed";
        t.output = answer == null ? "no answer written yet (graded by hand, not by the autograder)"
                : "graded by hand: your answer was collected for the TA (" + ANSWERS_FILE + "); no points here";
        t.tags = List.of("notebook", "manually graded", "problem " + q.problem());
        t.extraData.put("outcome", "manual");
        return t;
    }

    /** A question that has not run yet (the provisional results.json). */
    static TestResult notRun(Question q) {
        TestResult t = q.manual() ? manual(q, null) : result(q, false, "not run");
        t.extraData.put("outcome", "not_run");
        return t;
    }

    private static TestResult result(Question q, boolean passed, String message) {
        TestResult t = base(q);
        t.score = passed ? q.points() : 0;
        t.status = passed ? "passed" : "failed";
        t.output = message;
        t.extraData.put("outcome", passed ? "passed" : "failed");
        return t;
    }

    private static TestResult base(Question q) {
        TestResult t = new TestResult();
        t.name = q.displayName();
        t.number = q.id();
        t.maxScore = q.points();
        t.tags = List.of("notebook", "problem " + q.problem());
        t.visibility = "visible";
        t.extraData = new LinkedHashMap<>();
        t.extraData.put("problem", q.problem());
        t.extraData.put("problem_title", q.problemTitle());
        t.extraData.put("notebook", q.notebook());
        t.extraData.put("question", q.id());
        t.extraData.put("kind", q.kind());
        return t;
    }

    /** An entry for a notebook whose questions cannot be known (its only copy does not open). */
    private static TestResult unreadable(String name, String why) {
        TestResult t = new TestResult();
        t.name = "Notebook " + name;
        t.number = "0." + Math.abs(name.hashCode() % 1000);
        t.maxScore = 0;
        t.status = "failed";
        t.output = why;
        t.tags = List.of("notebook");
        t.visibility = "visible";
        t.extraData = new LinkedHashMap<>();
        t.extraData.put("problem", 0);
        t.extraData.put("problem_title", "Notebooks");
        t.extraData.put("outcome", "failed");
        return t;
    }
}

package grader.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grader.report.TestResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the questions of a run notebook from its cells' outputs. A question earns its points when its answer
 * cell and all its check cells ran, and every check printed a pass line of the run's check protocol: the check
 * calls of the homework's notebook library print {@code ##grader-check TOKEN QUESTION pass|fail MESSAGE}, where
 * TOKEN is the one the grader put in the kernel's environment ({@link #TOKEN_VARIABLE}), so text a cell prints
 * cannot pass for a check.
 */
final class NotebookScorer {
    /** The environment variable that carries the run's token into the kernel. */
    static final String TOKEN_VARIABLE = "GRADER_CHECK_TOKEN";
    /** The first word of a check's line. */
    static final String MARKER = "##grader-check";

    private NotebookScorer() {
    }

    /** Every question of a spliced notebook, scored from its run. */
    static List<TestResult> score(NotebookSplicer.Spliced p, NotebookRunner.Run run, String token, Notebook student) {
        List<TestResult> out = new ArrayList<>();
        Notebook executed = null;
        if (run != null && run.executed() != null) {
            try {
                executed = Notebook.read(run.executed(), p.graded().key());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                executed = null;
            }
        }
        List<JsonObject> cells = executed == null ? List.of() : executed.cells();
        for (Question q : p.questions()) {
            if (q.manual()) {
                out.add(FreeAnswers.entry(q, FreeAnswers.answer(q, student)));
                continue;
            }
            int answer = -1;
            List<Integer> checkCells = new ArrayList<>();
            List<JsonObject> graded = p.graded().cells();
            for (int i = 0; i < graded.size(); i++) {
                JsonObject m = p.graded().meta(graded.get(i));
                if (q.id().equals(Notebook.string(m, "question"))) {
                    answer = i;
                }
                if (q.id().equals(Notebook.string(m, "check"))) {
                    checkCells.add(i);
                }
            }
            if (answer < 0) {
                out.add(QuestionResults.of(q, false, "the answer cell of Question " + q.id() + " is missing from "
                        + p.name() + " (a cell whose metadata has \"" + p.graded().key() + "\": {\"question\": \""
                        + q.id() + "\"})"));
            } else if (checkCells.isEmpty()) {
                out.add(QuestionResults.of(q, false, "Question " + q.id() + " has no check in the instructor's"
                        + " notebook"));
            } else {
                out.add(judge(q, p, run, cells, answer, checkCells, token));
            }
        }
        return out;
    }

    private static TestResult judge(Question q, NotebookSplicer.Spliced p, NotebookRunner.Run run,
            List<JsonObject> cells, int answer, List<Integer> checkCells, String token) {
        if (run == null) {
            return QuestionResults.of(q, false, "not run");
        }
        int last = checkCells.get(checkCells.size() - 1);
        if (!run.ok() && (run.cell() == null || run.cell() <= last)) {
            String where = run.cell() == null ? "" : " at " + p.describe(run.cell());
            return QuestionResults.of(q, false, p.name() + " stopped" + where + ": " + run.message()
                    + "; only this notebook's questions lose points");
        }
        String answerError = answer < cells.size() ? error(cells.get(answer)) : null;
        int passed = 0;
        String prefix = MARKER + " " + token + " " + q.id() + " ";
        for (int i : checkCells) {
            JsonObject cell = i < cells.size() ? cells.get(i) : null;
            String error = cell == null ? "it did not run" : error(cell);
            if (error != null) {
                String because = answerError != null ? "your answer cell (" + p.describe(answer) + ") raised "
                        + answerError + "; " : "";
                return QuestionResults.of(q, false, because + "the check of Question " + q.id() + " raised " + error);
            }
            for (String line : stdout(cell).split("\n")) {
                if (line.startsWith(prefix)) {
                    String rest = line.substring(prefix.length());
                    if (!rest.startsWith("pass")) {
                        String why = rest.startsWith("fail") ? rest.substring(4).strip() : rest;
                        return QuestionResults.of(q, false, "Question " + q.id() + ": " + why);
                    }
                    passed++;
                }
            }
        }
        if (passed == 0) {
            return QuestionResults.of(q, false, "the check of Question " + q.id() + " reported no result");
        }
        return QuestionResults.of(q, true, "Question " + q.id() + ": passed");
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

    /** Without ANSI colour codes (a kernel may colour its messages). */
    static String plain(String s) {
        return s == null ? "" : s.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }
}

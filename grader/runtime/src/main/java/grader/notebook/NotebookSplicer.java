package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the notebook that is run to grade a student's: the student's cells, without whatever check cells the
 * student's copy has, with the instructor's check cells (public and hidden) right after the answer cell of their
 * question, and the set-up cell pointed at the submission's classes (one is added at the top when missing).
 */
final class NotebookSplicer {
    private NotebookSplicer() {
    }

    /**
     * A notebook ready to run.
     *
     * @param name      the notebook's file name
     * @param questions the questions graded in it
     * @param graded    the spliced notebook
     * @param origins   for each of its cells, the 1-based cell of the student's notebook it comes from, or -1
     */
    record Spliced(String name, List<Question> questions, Notebook graded, List<Integer> origins) {

        /** How a message names a cell of the spliced notebook: the student's cell number, or what it is. */
        String describe(int gradedIndex) {
            int origin = gradedIndex < origins.size() ? origins.get(gradedIndex) : -1;
            JsonObject cell = graded.cells().get(Math.min(gradedIndex, graded.cells().size() - 1));
            if (origin < 0) {
                String check = Notebook.string(graded.meta(cell), "check");
                return check != null ? "the check of Question " + check : "the set-up cell";
            }
            return "cell " + origin + " (\"" + Notebook.firstLine(cell) + "\")";
        }
    }

    /** The student's notebook with the instructor's checks in place and the set-up cell on {@code jar}. */
    static Spliced splice(String name, List<Question> questions, Notebook source, Notebook student, Path jar) {
        Map<String, List<JsonObject>> checks = new LinkedHashMap<>();
        for (JsonObject cell : source.cells()) {
            String q = Notebook.string(source.meta(cell), "check");
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
            JsonObject meta = student.meta(cell);
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
            withSetup.add(graded.codeCell("grader-setup", setup, s));
            withSetup.addAll(cells);
            cells = withSetup;
            origins.add(0, -1);
        }
        graded.setCells(cells);
        return new Spliced(name, questions, graded, origins);
    }
}

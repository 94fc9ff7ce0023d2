package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/** Small instructor notebooks for the tests, built cell by cell. */
public final class NotebookFixtures {
    /** The fixtures' metadata key (a course names its own in course.json). */
    public static final String KEY = "gpthw";
    private static final Notebook CELLS = Notebook.parse("{\"cells\": []}", "fixture", KEY);

    private NotebookFixtures() {
    }

    public static JsonObject meta(Object... keyValues) {
        JsonObject m = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v instanceof Boolean b) {
                m.addProperty((String) keyValues[i], b);
            } else if (v instanceof Number n) {
                m.addProperty((String) keyValues[i], n);
            } else {
                m.addProperty((String) keyValues[i], String.valueOf(v));
            }
        }
        return m;
    }

    public static JsonObject markdown(String text, JsonObject gpthw) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.addProperty("id", "m" + Integer.toHexString(text.hashCode()));
        JsonObject metadata = new JsonObject();
        if (gpthw != null) {
            metadata.add(KEY, gpthw);
        }
        cell.add("metadata", metadata);
        Notebook.setSource(cell, text);
        return cell;
    }

    public static JsonObject executed(String source, JsonObject gpthw, String stdout) {
        JsonObject cell = CELLS.codeCell("c" + Integer.toHexString(source.hashCode()), source, gpthw);
        cell.addProperty("execution_count", 3);
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "stream");
        out.addProperty("name", "stdout");
        out.addProperty("text", stdout);
        cell.getAsJsonArray("outputs").add(out);
        return cell;
    }

    /** One choice question (7.1, 2 points) with a public and a hidden check, and one free question (7.2). */
    public static Notebook source() {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        cells.add(CELLS.codeCell("setup", "%jars ../../tests/target/notebooks/reference.jar", meta("setup", true)));
        cells.add(CELLS.codeCell("answer", """
                Set<String> answer() {
                    // BEGIN SOLUTION
                    return Set.of("A", "C");
                    // END SOLUTION
                }""", meta("question", "7.1", "points", 2, "kind", "choice", "wrong", "    return Set.of(\"A\");\n")));
        cells.add(executed("Check.choiceForm(\"7.1\", answer(), \"ABC\");", meta("check", "7.1"),
                "Question 7.1: well-formed\n"));
        cells.add(CELLS.codeCell("hidden-check", "Check.choice(\"7.1\", answer(), \"ABC\", Set.of(\"A\", \"C\"));",
                meta("check", "7.1", "hidden", true)));
        cells.add(markdown("Why?\n\n<!-- BEGIN SOLUTION -->\nBecause the model reads only the past.\n"
                + "<!-- END SOLUTION -->", meta("question", "7.2", "kind", "free")));
        nb.add("cells", cells);
        JsonObject metadata = new JsonObject();
        metadata.add(KEY, meta("problem", 7, "title", "Notebook: a fixture"));
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return new Notebook(nb, KEY);
    }

    public static Path write(Notebook nb, Path file) {
        nb.write(file);
        return file;
    }
}

package grader.notebook;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as JSON, with the grader's cell metadata under the course's key
 * ({@code course.json}'s {@code notebooks.metadataKey}, "gpthw" in this kit's notebooks):
 *
 * <pre>
 *     {"setup": true}                                        the set-up cell (puts the kit on the class path)
 *     {"question": "11.2", "points": 2, "kind": "code",      an answer cell; kind is code, choice, number or free;
 *      "title": "...", "problem": 11, "wrong": "..."}        problem defaults to the notebook's; wrong is a planted
 *                                                            mistake (instructor's copy only)
 *     {"check": "11.2", "hidden": true}                      a check cell of that question (hidden: instructor's only)
 * </pre>
 *
 * and at the notebook's level {@code "KEY": {"problem": 11, "title": "..."}}.
 */
public final class Notebook {
    /**
     * Writes JSON as Jupyter's nbformat does ({@code json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)}
     * and a final newline), so that opening and saving a notebook in Jupyter changes only what the student changed.
     * Nulls are kept: nbformat requires a code cell's {@code "execution_count": null}.
     */
    static final Gson GSON = new GsonBuilder().setFormattingStyle(FormattingStyle.PRETTY.withIndent(" "))
            .disableHtmlEscaping().serializeNulls().create();

    final JsonObject json;
    private final String key;

    Notebook(JsonObject json, String key) {
        this.json = json;
        this.key = key;
    }

    /** The .ipynb files directly in {@code dir}, sorted by name; none when it is not a folder. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a notebook whose grader metadata is under {@code key}; a file that is not a notebook is an
     * IllegalArgumentException that says why.
     */
    public static Notebook read(Path file, String key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), key);
    }

    public static Notebook parse(String text, String name, String key) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(name + " is not a readable notebook (not valid JSON: "
                    + e.getMessage() + ")", e);
        }
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has("cells")
                || !tree.getAsJsonObject().get("cells").isJsonArray()) {
            throw new IllegalArgumentException(name + " is not a readable notebook (it has no cells)");
        }
        return new Notebook(tree.getAsJsonObject(), key);
    }

    /** What breaks nbformat 4's structure (see {@link NotebookFormat}); empty when nothing does. */
    public List<String> formatProblems() {
        return NotebookFormat.problems(json);
    }

    public Notebook copy() {
        return new Notebook(json.deepCopy(), key);
    }

    /** The metadata key of the grader's cells. */
    public String key() {
        return key;
    }

    /** Replaces the cells. */
    public void setCells(JsonArray cells) {
        json.add("cells", cells);
    }

    public String toJson() {
        return GSON.toJson(sorted(json)) + "\n";
    }

    /** A copy of a JSON tree with every object's keys in order, as nbformat writes them. */
    static JsonElement sorted(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            e.getAsJsonObject().keySet().stream().sorted().forEach(k -> out.add(k, sorted(e.getAsJsonObject().get(k))));
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(sorted(x)));
            return out;
        }
        return e;
    }

    public void write(Path file) {
        grader.io.FileOps.writeAtomically(file, toJson());
    }

    public JsonArray cellArray() {
        return json.getAsJsonArray("cells");
    }

    public List<JsonObject> cells() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : cellArray()) {
            if (e.isJsonObject()) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    /** The notebook-level grader metadata (empty when absent). */
    public JsonObject meta() {
        JsonObject metadata = json.has("metadata") && json.get("metadata").isJsonObject()
                ? json.getAsJsonObject("metadata") : new JsonObject();
        return metadata.has(key) && metadata.get(key).isJsonObject() ? metadata.getAsJsonObject(key)
                : new JsonObject();
    }

    /** A cell's grader metadata, or null. */
    public JsonObject meta(JsonObject cell) {
        JsonElement m = cell.get("metadata");
        if (m == null || !m.isJsonObject()) {
            return null;
        }
        JsonElement g = m.getAsJsonObject().get(key);
        return g != null && g.isJsonObject() ? g.getAsJsonObject() : null;
    }

    /** A string value of a metadata object, or null. */
    public static String string(JsonObject meta, String key) {
        return meta != null && meta.has(key) && meta.get(key).isJsonPrimitive() ? meta.get(key).getAsString() : null;
    }

    public static boolean isCode(JsonObject cell) {
        return "code".equals(string(cell, "cell_type"));
    }

    /** The cell's source as one string. */
    public static String source(JsonObject cell) {
        return text(cell.get("source"));
    }

    /** A multi-line text of nbformat (a source, an output's text) as one string: a string or a list of lines. */
    public static String text(JsonElement s) {
        if (s == null || s.isJsonNull()) {
            return "";
        }
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(line -> b.append(line.getAsString()));
            return b.toString();
        }
        return s.getAsString();
    }

    /** Sets the source as a list of lines, each keeping its newline, as Jupyter writes it. */
    public static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        cell.add("source", lines);
    }

    /** A new code cell, with grader metadata when {@code graderMeta} is not null, and the cell id {@code id}. */
    public JsonObject codeCell(String id, String source, JsonObject graderMeta) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("id", id);
        cell.add("execution_count", null);
        JsonObject metadata = new JsonObject();
        if (graderMeta != null) {
            metadata.add(key, graderMeta);
        }
        cell.add("metadata", metadata);
        cell.add("outputs", new JsonArray());
        setSource(cell, source);
        return cell;
    }

    /** The first line of a cell, to name it in a message. */
    public static String firstLine(JsonObject cell) {
        String line = source(cell).strip().lines().findFirst().orElse("");
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}

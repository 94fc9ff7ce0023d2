package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structure nbformat 4's JSON schema requires of a notebook, checked in Java so that a machine with only a JDK
 * still catches what makes Jupyter refuse a notebook ("Notebook validation failed"): the top-level fields, each
 * cell type's required and allowed fields (a code cell's {@code execution_count}, null or a count; from
 * nbformat 4.5 a unique cell {@code id}), the source as a string or a list of strings, and each output type's
 * fields. It is no substitute for nbformat's own validation, which the build also runs where Python has it.
 */
public final class NotebookFormat {
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Map<String, Set<String>> CELL_REQUIRED = Map.of(
            "markdown", Set.of("cell_type", "metadata", "source"),
            "raw", Set.of("cell_type", "metadata", "source"),
            "code", Set.of("cell_type", "metadata", "source", "outputs", "execution_count"));
    private static final Map<String, Set<String>> CELL_ALLOWED = Map.of(
            "markdown", Set.of("id", "cell_type", "metadata", "source", "attachments"),
            "raw", Set.of("id", "cell_type", "metadata", "source", "attachments"),
            "code", Set.of("id", "cell_type", "metadata", "source", "outputs", "execution_count"));
    private static final Map<String, Set<String>> OUTPUT_REQUIRED = Map.of(
            "stream", Set.of("output_type", "name", "text"),
            "display_data", Set.of("output_type", "data", "metadata"),
            "execute_result", Set.of("output_type", "execution_count", "data", "metadata"),
            "error", Set.of("output_type", "ename", "evalue", "traceback"));

    private NotebookFormat() {
    }

    /** What in {@code nb} breaks nbformat 4's schema, one line each; empty when nothing does. */
    public static List<String> problems(JsonObject nb) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("cells", "metadata", "nbformat", "nbformat_minor")) {
            if (!nb.has(key)) {
                out.add("the notebook has no \"" + key + "\"");
            }
        }
        if (nb.has("nbformat") && !isInt(nb.get("nbformat"), 4, 4)) {
            out.add("\"nbformat\" is " + nb.get("nbformat") + ", not 4");
        }
        int minor = nb.has("nbformat_minor") && isInt(nb.get("nbformat_minor"), 0, Integer.MAX_VALUE)
                ? nb.get("nbformat_minor").getAsInt() : -1;
        if (nb.has("nbformat_minor") && minor < 0) {
            out.add("\"nbformat_minor\" is " + nb.get("nbformat_minor") + ", not a count");
        }
        if (nb.has("metadata") && !nb.get("metadata").isJsonObject()) {
            out.add("\"metadata\" is not an object");
        } else if (nb.has("metadata")) {
            JsonObject meta = nb.getAsJsonObject("metadata");
            requireStrings(meta, "kernelspec", List.of("name", "display_name"), out);
            requireStrings(meta, "language_info", List.of("name"), out);
        }
        if (!nb.has("cells") || !nb.get("cells").isJsonArray()) {
            if (nb.has("cells")) {
                out.add("\"cells\" is not a list");
            }
            return out;
        }
        Set<String> ids = new HashSet<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            String where = "cell " + (i + 1);
            if (!cells.get(i).isJsonObject()) {
                out.add(where + " is not an object");
                continue;
            }
            JsonObject cell = cells.get(i).getAsJsonObject();
            String type = Notebook.string(cell, "cell_type");
            if (type == null || !CELL_REQUIRED.containsKey(type)) {
                out.add(where + " has the cell_type " + cell.get("cell_type") + " (markdown, code or raw)");
                continue;
            }
            where += " (" + type + ")";
            for (String key : CELL_REQUIRED.get(type)) {
                if (!cell.has(key)) {
                    out.add(where + " has no \"" + key + "\"" + ("execution_count".equals(key)
                            ? " (null when it has not run)" : ""));
                }
            }
            for (String key : cell.keySet()) {
                if (!CELL_ALLOWED.get(type).contains(key)) {
                    out.add(where + " has \"" + key + "\", which a " + type + " cell may not have");
                }
            }
            if (minor >= 5) {
                String id = Notebook.string(cell, "id");
                if (id == null || !CELL_ID.matcher(id).matches()) {
                    out.add(where + " has no valid \"id\" (1 to 64 letters, digits, - or _; required from"
                            + " nbformat 4.5)");
                } else if (!ids.add(id)) {
                    out.add(where + " has the id \"" + id + "\" of an earlier cell");
                }
            }
            if (cell.has("metadata") && !cell.get("metadata").isJsonObject()) {
                out.add(where + ": \"metadata\" is not an object");
            }
            if (cell.has("source") && !isText(cell.get("source"))) {
                out.add(where + ": \"source\" is neither a string nor a list of strings");
            }
            if ("code".equals(type)) {
                JsonElement count = cell.get("execution_count");
                if (count != null && !count.isJsonNull() && !isInt(count, 0, Integer.MAX_VALUE)) {
                    out.add(where + ": \"execution_count\" is " + count + ", neither null nor a count");
                }
                checkOutputs(cell.get("outputs"), where, out);
            }
        }
        return out;
    }

    private static void checkOutputs(JsonElement outputs, String where, List<String> out) {
        if (outputs == null) {
            return;
        }
        if (!outputs.isJsonArray()) {
            out.add(where + ": \"outputs\" is not a list");
            return;
        }
        for (JsonElement e : outputs.getAsJsonArray()) {
            JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : null;
            String type = o == null ? null : Notebook.string(o, "output_type");
            if (type == null || !OUTPUT_REQUIRED.containsKey(type)) {
                out.add(where + " has an output of the type " + (o == null ? e : o.get("output_type")));
                continue;
            }
            for (String key : OUTPUT_REQUIRED.get(type)) {
                if (!o.has(key)) {
                    out.add(where + " has a " + type + " output without \"" + key + "\"");
                }
            }
            if (o.has("text") && !isText(o.get("text"))) {
                out.add(where + " has a " + type + " output whose text is neither a string nor a list of strings");
            }
        }
    }

    private static void requireStrings(JsonObject meta, String key, List<String> fields, List<String> out) {
        if (!meta.has(key)) {
            return;
        }
        if (!meta.get(key).isJsonObject()) {
            out.add("metadata." + key + " is not an object");
            return;
        }
        for (String f : fields) {
            if (Notebook.string(meta.getAsJsonObject(key), f) == null) {
                out.add("metadata." + key + " has no \"" + f + "\"");
            }
        }
    }

    private static boolean isText(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return e.getAsJsonPrimitive().isString();
        }
        if (!e.isJsonArray()) {
            return false;
        }
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInt(JsonElement e, int min, int max) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        double d = e.getAsDouble();
        return d == Math.rint(d) && d >= min && d <= max;
    }
}

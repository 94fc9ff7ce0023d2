package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.notebook.jshell.CellEvaluator;

/** A cell's outputs in nbformat 4's JSON, as Jupyter stores them. */
public final class CellOutputs {
    private CellOutputs() {
    }

    public static JsonObject stream(String name, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", name);
        o.addProperty("text", text);
        return o;
    }

    public static JsonObject result(int count, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "execute_result");
        o.addProperty("execution_count", count);
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text == null ? "null" : text);
        o.add("data", data);
        o.add("metadata", new JsonObject());
        return o;
    }

    public static JsonObject error(CellEvaluator.Failure f) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "error");
        o.addProperty("ename", f.name());
        o.addProperty("evalue", f.message());
        JsonArray traceback = new JsonArray();
        f.traceback().forEach(traceback::add);
        o.add("traceback", traceback);
        return o;
    }
}

package hw.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.model.LanguageModel;
import hw.nn.Module;
import java.nio.file.Path;

/**
 * The JSON of a checkpoint's parts that are not arrays ({@link Checkpoint} puts them into {@code checkpoint.json}):
 * the trainer's configuration, the loss history and the description of the model, each to JSON and back.
 */
final class CheckpointJson {
    /** Pretty, so a person can read checkpoint.json; NaN and infinities allowed (a diverged loss is still saved). */
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private CheckpointJson() {
    }

    static JsonObject config(TrainerConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("steps", c.steps());
        o.addProperty("batchSize", c.batchSize());
        o.addProperty("blockSize", c.blockSize());
        o.addProperty("gradAccumulationSteps", c.gradAccumulationSteps());
        o.addProperty("maxLr", c.maxLr());
        o.addProperty("minLr", c.minLr());
        o.addProperty("warmupSteps", c.warmupSteps());
        o.addProperty("clipNorm", c.clipNorm());
        o.addProperty("evalInterval", c.evalInterval());
        o.addProperty("evalBatches", c.evalBatches());
        o.add("checkpointDir", c.checkpointDir() == null ? JsonNull.INSTANCE
                : GSON.toJsonTree(c.checkpointDir().toString()));
        o.addProperty("checkpointInterval", c.checkpointInterval());
        o.add("outputDir", c.outputDir() == null ? JsonNull.INSTANCE : GSON.toJsonTree(c.outputDir().toString()));
        o.addProperty("logInterval", c.logInterval());
        o.addProperty("quiet", c.quiet());
        o.addProperty("seed", c.seed());
        return o;
    }

    static TrainerConfig config(JsonObject o) {
        return new TrainerConfig(o.get("steps").getAsInt(), o.get("batchSize").getAsInt(),
                o.get("blockSize").getAsInt(), o.get("gradAccumulationSteps").getAsInt(), o.get("maxLr").getAsDouble(),
                o.get("minLr").getAsDouble(), o.get("warmupSteps").getAsInt(), o.get("clipNorm").getAsDouble(),
                o.get("evalInterval").getAsInt(), o.get("evalBatches").getAsInt(), path(o.get("checkpointDir")),
                o.get("checkpointInterval").getAsInt(), path(o.get("outputDir")), o.get("logInterval").getAsInt(),
                o.get("quiet").getAsBoolean(), o.get("seed").getAsLong());
    }

    private static Path path(JsonElement e) {
        return e == null || e.isJsonNull() ? null : Path.of(e.getAsString());
    }

    /** One row per record: [step, learning rate, training loss, estimated training loss, validation loss]. */
    static JsonArray history(TrainingHistory history) {
        JsonArray rows = new JsonArray();
        for (TrainingHistory.Row r : history.rows()) {
            JsonArray row = new JsonArray();
            row.add(r.step());
            for (double v : new double[] {r.learningRate(), r.trainLoss(), r.evalTrainLoss(), r.valLoss()}) {
                row.add(Double.isNaN(v) ? JsonNull.INSTANCE : GSON.toJsonTree(v)); // NaN: not measured at that step
            }
            rows.add(row);
        }
        return rows;
    }

    static TrainingHistory history(JsonArray rows) {
        TrainingHistory history = new TrainingHistory();
        for (JsonElement e : rows) {
            JsonArray row = e.getAsJsonArray();
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                JsonElement x = row.get(i + 1);
                v[i] = x.isJsonNull() ? Double.NaN : x.getAsDouble();
            }
            history.add(new TrainingHistory.Row(row.get(0).getAsInt(), v[0], v[1], v[2], v[3]));
        }
        return history;
    }

    /** The model's class, its configuration when it is a GPT, and each parameter's shape. */
    static JsonObject model(LanguageModel model, Module module) {
        JsonObject out = new JsonObject();
        out.addProperty("class", model.getClass().getName());
        if (model instanceof GPT gpt) {
            out.add("gptConfig", GSON.toJsonTree(gpt.config()));
        }
        JsonObject shapes = new JsonObject();
        module.namedParameters().forEach((name, p) -> shapes.add(name, GSON.toJsonTree(p.shape())));
        out.add("parameters", shapes);
        return out;
    }

    /** The GPT configuration of a model description, or null when the model saved was not a GPT. */
    static GPTConfig gptConfig(JsonObject model) {
        return model.has("gptConfig") ? GSON.fromJson(model.get("gptConfig"), GPTConfig.class) : null;
    }
}

package hw.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.model.LanguageModel;
import hw.nn.Dropout;
import hw.nn.Module;
import hw.nn.StateFile;
import hw.optim.Optimizer;
import hw.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to continue a training run exactly where it stopped, in one directory:
 *
 * <ul>
 *   <li>{@code model.state} — the model's parameters ({@link StateFile} format);</li>
 *   <li>{@code optimizer.state} — the optimizer's state: step count, learning rate and buffers (Adam's u and v);</li>
 *   <li>{@code checkpoint.json} — the rest: the step, the model's class and configuration, the optimizer's class,
 *       the trainer's configuration, how many batches were drawn from each sampler, the positions of the dropout
 *       random generators, the loss history, and a checksum of each state file.</li>
 * </ul>
 *
 * The JSON file is written last, so a directory whose JSON is missing or does not match the state files was not
 * saved completely. {@link #load} checks everything before changing anything and says what is wrong.
 */
public final class Checkpoint {
    public static final String MODEL_FILE = "model.state";
    public static final String OPTIMIZER_FILE = "optimizer.state";
    public static final String META_FILE = "checkpoint.json";
    private static final String FORMAT = "gpt-homework checkpoint";
    private static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /**
     * The trainer's part of a checkpoint.
     *
     * @param config            the configuration of the run
     * @param trainBatchesDrawn batches drawn from the training sampler so far (for training and estimates)
     * @param valBatchesDrawn   batches drawn from the validation sampler so far
     * @param history           the loss curves so far
     */
    public record TrainerState(TrainerConfig config, long trainBatchesDrawn, long valBatchesDrawn,
            TrainingHistory history) {
    }

    private Checkpoint() {
    }

    /** Saves the model, the optimizer and the trainer's state into {@code dir} (created if needed; replaced). */
    public static void save(Path dir, LanguageModel model, Optimizer optimizer, TrainerState state) throws IOException {
        Module module = asModule(model);
        Files.createDirectories(dir);
        Path modelTmp = dir.resolve(MODEL_FILE + ".tmp");
        Path optimizerTmp = dir.resolve(OPTIMIZER_FILE + ".tmp");
        Path metaTmp = dir.resolve(META_FILE + ".tmp");
        StateFile.write(modelTmp, module.stateDict());
        StateFile.write(optimizerTmp, optimizer.state());

        JsonObject meta = new JsonObject();
        meta.addProperty("format", FORMAT);
        meta.addProperty("version", VERSION);
        meta.addProperty("step", optimizer.stepCount());
        meta.add("model", describeModel(model, module));
        JsonObject opt = new JsonObject();
        opt.addProperty("class", optimizer.getClass().getName());
        opt.addProperty("description", optimizer.describe());
        meta.add("optimizer", opt);
        meta.add("trainer", configToJson(state.config()));
        JsonObject drawn = new JsonObject();
        drawn.addProperty("train", state.trainBatchesDrawn());
        drawn.addProperty("val", state.valBatchesDrawn());
        meta.add("batchesDrawn", drawn);
        JsonArray rng = new JsonArray();
        for (Dropout d : dropouts(module)) {
            JsonArray pair = new JsonArray();
            for (long v : d.randomState()) {
                pair.add(v);
            }
            rng.add(pair);
        }
        meta.add("dropoutRandomStates", rng);
        meta.add("history", historyToJson(state.history()));
        JsonObject files = new JsonObject();
        files.addProperty(MODEL_FILE, crc(modelTmp));
        files.addProperty(OPTIMIZER_FILE, crc(optimizerTmp));
        meta.add("crc32", files);
        Files.writeString(metaTmp, GSON.toJson(meta));

        Files.deleteIfExists(dir.resolve(META_FILE)); // from here until the last move, the directory is incomplete
        Files.move(modelTmp, dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.move(optimizerTmp, dir.resolve(OPTIMIZER_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.move(metaTmp, dir.resolve(META_FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Loads a checkpoint into {@code model} and {@code optimizer}, which must be built the same way as those
     * saved (same model configuration, same optimizer class over the same parameters). Checks everything first:
     * on any problem nothing is changed and the exception says what is wrong.
     *
     * @return the trainer's part, for the trainer to continue from
     * @throws IOException              when the directory holds no complete, readable checkpoint
     * @throws IllegalArgumentException when the checkpoint does not fit this model or optimizer
     */
    public static TrainerState load(Path dir, LanguageModel model, Optimizer optimizer) throws IOException {
        Module module = asModule(model);
        String where = "cannot load the checkpoint " + dir + ": ";
        if (!Files.isDirectory(dir)) {
            throw new IOException(where + "no such directory");
        }
        Path metaFile = dir.resolve(META_FILE);
        if (!Files.exists(metaFile)) {
            throw new IOException(where + "it has no " + META_FILE + " (not a checkpoint, or its save did not finish)");
        }
        JsonObject meta;
        try {
            meta = JsonParser.parseString(Files.readString(metaFile)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(where + META_FILE + " is not valid JSON (corrupt?): " + e.getMessage(), e);
        }
        try {
            return load(dir, module, model, optimizer, meta, where);
        } catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException
                | NumberFormatException e) {
            throw new IOException(where + META_FILE + " lacks an entry or has one of the wrong type (corrupt, or"
                    + " written by another version?): " + e, e);
        }
    }

    private static TrainerState load(Path dir, Module module, LanguageModel model, Optimizer optimizer,
            JsonObject meta, String where) throws IOException {
        if (!meta.has("format") || !FORMAT.equals(meta.get("format").getAsString())) {
            throw new IOException(where + META_FILE + " is not a gpt-homework checkpoint (no \"format\": \""
                    + FORMAT + "\")");
        }
        int version = meta.get("version").getAsInt();
        if (version != VERSION) {
            throw new IOException(where + "it has checkpoint format version " + version + "; this code reads "
                    + VERSION);
        }

        // The model: its class and configuration, then (below) the parameters' names and shapes.
        JsonObject savedModel = meta.getAsJsonObject("model");
        String savedClass = savedModel.get("class").getAsString();
        if (!savedClass.equals(model.getClass().getName())) {
            throw new IllegalArgumentException(where + "it holds a " + savedClass + ", this model is a "
                    + model.getClass().getName());
        }
        if (model instanceof GPT gpt && savedModel.has("gptConfig")) {
            GPTConfig saved = GSON.fromJson(savedModel.get("gptConfig"), GPTConfig.class);
            List<String> differences = structuralDifferences(saved, gpt.config());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(where + "it was saved from a GPT of another shape ("
                        + String.join(", ", differences) + ")");
            }
        }

        // The optimizer's class.
        String savedOptimizer = meta.getAsJsonObject("optimizer").get("class").getAsString();
        if (!savedOptimizer.equals(optimizer.getClass().getName())) {
            throw new IllegalArgumentException(where + "it holds the state of a " + savedOptimizer
                    + ", this optimizer is a " + optimizer.getClass().getName());
        }

        // The state files: present, intact, and fitting.
        JsonObject crcs = meta.getAsJsonObject("crc32");
        Map<String, INDArray> modelState = readState(dir, MODEL_FILE, crcs, where);
        Map<String, INDArray> optimizerState = readState(dir, OPTIMIZER_FILE, crcs, where);
        List<String> modelProblems = modelStateProblems(module, modelState);
        if (!modelProblems.isEmpty()) {
            throw new IllegalArgumentException(where + "its parameters do not fit this "
                    + model.getClass().getSimpleName() + ": " + String.join("; ", modelProblems));
        }
        List<String> optimizerProblems = optimizer.stateProblems(optimizerState);
        if (!optimizerProblems.isEmpty()) {
            throw new IllegalArgumentException(where + "its optimizer state does not fit this "
                    + optimizer.describe() + ": " + String.join("; ", optimizerProblems));
        }
        long step = meta.get("step").getAsLong();
        long optimizerStep = (long) optimizerState.get("step").getDouble(0);
        if (step != optimizerStep) {
            throw new IOException(where + META_FILE + " says step " + step + " but " + OPTIMIZER_FILE + " holds step "
                    + optimizerStep + " (files from different saves?)");
        }
        List<Dropout> dropouts = dropouts(module);
        JsonArray rng = meta.getAsJsonArray("dropoutRandomStates");
        if (rng.size() != dropouts.size()) {
            throw new IllegalArgumentException(where + "it has the random state of " + rng.size()
                    + " dropout modules, this model has " + dropouts.size());
        }
        TrainerConfig config = configFromJson(meta.getAsJsonObject("trainer"));
        JsonObject drawn = meta.getAsJsonObject("batchesDrawn");
        TrainingHistory history = historyFromJson(meta.getAsJsonArray("history"));
        long[][] states = new long[rng.size()][];
        for (int i = 0; i < states.length; i++) {
            JsonArray pair = rng.get(i).getAsJsonArray();
            states[i] = new long[] {pair.get(0).getAsLong(), pair.get(1).getAsLong()};
        }

        // Everything fits: now change the model, the optimizer and the dropout generators.
        module.loadStateDict(modelState);
        optimizer.loadState(optimizerState);
        for (int i = 0; i < states.length; i++) {
            dropouts.get(i).setRandomState(states[i]);
        }
        return new TrainerState(config, drawn.get("train").getAsLong(), drawn.get("val").getAsLong(), history);
    }

    /** The training configuration saved in the checkpoint at {@code dir}, without loading anything. */
    public static TrainerConfig readConfig(Path dir) throws IOException {
        Path metaFile = dir.resolve(META_FILE);
        try {
            return configFromJson(JsonParser.parseString(Files.readString(metaFile)).getAsJsonObject()
                    .getAsJsonObject("trainer"));
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + dir + ": " + META_FILE + " is missing", e);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the configuration of the checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static Module asModule(LanguageModel model) {
        if (model instanceof Module m) {
            return m;
        }
        throw new IllegalArgumentException("the model must be a hw.nn.Module (GPT is), got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    private static List<Dropout> dropouts(Module module) {
        List<Dropout> out = new ArrayList<>();
        for (Module m : module.modules()) {
            if (m instanceof Dropout d) {
                out.add(d);
            }
        }
        return out;
    }

    private static JsonObject describeModel(LanguageModel model, Module module) {
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

    private static List<String> structuralDifferences(GPTConfig saved, GPTConfig now) {
        List<String> out = new ArrayList<>();
        compare(out, "vocabSize", saved.vocabSize(), now.vocabSize());
        compare(out, "blockSize", saved.blockSize(), now.blockSize());
        compare(out, "nLayer", saved.nLayer(), now.nLayer());
        compare(out, "nHead", saved.nHead(), now.nHead());
        compare(out, "nEmbd", saved.nEmbd(), now.nEmbd());
        compare(out, "bias", saved.bias(), now.bias());
        compare(out, "tieWeights", saved.tieWeights(), now.tieWeights());
        return out;
    }

    private static void compare(List<String> out, String name, Object saved, Object now) {
        if (!saved.equals(now)) {
            out.add(name + " " + saved + " in the checkpoint, " + now + " here");
        }
    }

    private static List<String> modelStateProblems(Module module, Map<String, INDArray> state) {
        Map<String, Tensor> params = module.namedParameters();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(params.keySet());
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(params.keySet());
        missing.forEach(n -> problems.add("parameter '" + n + "' is missing"));
        unexpected.forEach(n -> problems.add("the checkpoint has a parameter '" + n + "' this model lacks"));
        params.forEach((name, p) -> {
            INDArray v = state.get(name);
            if (v != null && !Arrays.equals(v.shape(), p.shape())) {
                problems.add("parameter '" + name + "' has shape " + Arrays.toString(p.shape())
                        + " here but " + Arrays.toString(v.shape()) + " in the checkpoint");
            }
        });
        return problems;
    }

    private static Map<String, INDArray> readState(Path dir, String name, JsonObject crcs, String where)
            throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            throw new IOException(where + name + " is missing");
        }
        if (!crcs.has(name) || crcs.get(name).getAsLong() != crc(file)) {
            throw new IOException(where + name + " does not match the checksum in " + META_FILE
                    + " (the file is corrupt, or comes from another save)");
        }
        try {
            return StateFile.read(file);
        } catch (IOException e) {
            throw new IOException(where + e.getMessage(), e);
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    static JsonObject configToJson(TrainerConfig c) {
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

    static TrainerConfig configFromJson(JsonObject o) {
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

    private static JsonArray historyToJson(TrainingHistory history) {
        JsonArray rows = new JsonArray();
        for (TrainingHistory.Row r : history.rows()) {
            JsonArray row = new JsonArray();
            row.add(r.step());
            for (double v : new double[] {r.learningRate(), r.trainLoss(), r.evalTrainLoss(), r.valLoss()}) {
                row.add(Double.isNaN(v) ? JsonNull.INSTANCE : GSON.toJsonTree(v));
            }
            rows.add(row);
        }
        return rows;
    }

    private static TrainingHistory historyFromJson(JsonArray rows) {
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
}

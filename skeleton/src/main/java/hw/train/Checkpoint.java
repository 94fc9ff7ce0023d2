package hw.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import hw.model.GPT;
import hw.model.LanguageModel;
import hw.nn.Dropout;
import hw.nn.Module;
import hw.nn.StateFile;
import hw.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * saved completely. {@link #load} checks everything before changing anything and says what is wrong: the files
 * here, whether they fit the model and optimizer in {@link CheckpointCompatibility}. {@link CheckpointJson} turns
 * the configuration, the history and the model's description into JSON and back.
 */
public final class Checkpoint {
    public static final String MODEL_FILE = "model.state";
    public static final String OPTIMIZER_FILE = "optimizer.state";
    public static final String META_FILE = "checkpoint.json";
    private static final String FORMAT = "gpt-homework checkpoint";
    private static final int VERSION = 1;

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
        meta.add("model", CheckpointJson.model(model, module));
        JsonObject opt = new JsonObject();
        opt.addProperty("class", optimizer.getClass().getName());
        opt.addProperty("description", optimizer.describe());
        meta.add("optimizer", opt);
        meta.add("trainer", CheckpointJson.config(state.config()));
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
        meta.add("history", CheckpointJson.history(state.history()));
        JsonObject files = new JsonObject();
        files.addProperty(MODEL_FILE, crc(modelTmp));
        files.addProperty(OPTIMIZER_FILE, crc(optimizerTmp));
        meta.add("crc32", files);
        Files.writeString(metaTmp, CheckpointJson.GSON.toJson(meta));

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

        // The model and the optimizer: their classes and the model's structure, then the state files: present,
        // intact, and fitting.
        JsonObject savedModel = meta.getAsJsonObject("model");
        CheckpointCompatibility.checkModelClass(where, savedModel.get("class").getAsString(), model);
        if (model instanceof GPT gpt) {
            CheckpointCompatibility.checkStructure(where, CheckpointJson.gptConfig(savedModel), gpt.config());
        }
        CheckpointCompatibility.checkOptimizer(where, meta.getAsJsonObject("optimizer").get("class").getAsString(),
                optimizer);
        JsonObject crcs = meta.getAsJsonObject("crc32");
        Map<String, INDArray> modelState = readState(dir, MODEL_FILE, crcs, where);
        Map<String, INDArray> optimizerState = readState(dir, OPTIMIZER_FILE, crcs, where);
        CheckpointCompatibility.checkState(where, model, module, modelState, optimizer, optimizerState);
        long step = meta.get("step").getAsLong();
        long optimizerStep = (long) optimizerState.get("step").getDouble(0);
        if (step != optimizerStep) {
            throw new IOException(where + META_FILE + " says step " + step + " but " + OPTIMIZER_FILE + " holds step "
                    + optimizerStep + " (files from different saves?)");
        }
        List<Dropout> dropouts = dropouts(module);
        JsonArray rng = meta.getAsJsonArray("dropoutRandomStates");
        CheckpointCompatibility.checkDropouts(where, rng.size(), dropouts.size());
        TrainerConfig config = CheckpointJson.config(meta.getAsJsonObject("trainer"));
        JsonObject drawn = meta.getAsJsonObject("batchesDrawn");
        TrainingHistory history = CheckpointJson.history(meta.getAsJsonArray("history"));
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
            return CheckpointJson.config(JsonParser.parseString(Files.readString(metaFile)).getAsJsonObject()
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
}

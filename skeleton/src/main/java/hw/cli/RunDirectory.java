package hw.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import hw.data.Tokenizer;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.tensor.Precision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The folder a training run writes and {@code sample} and {@code eval} read:
 *
 * <pre>
 *     run.json          what was trained on what: the corpus, its size, the tokenizer kind, the model's shape
 *     tokenizer.json    the tokenizer ({@link Tokenizer#save})
 *     model.state       the trained parameters ({@link hw.nn.Module#save})
 *     checkpoint/       the trainer's checkpoint, for --resume
 *     losses.csv, losses.png   the loss curves
 * </pre>
 */
record RunDirectory(Path dir) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * What {@code run.json} holds. {@code dtype} is the floating-point type the run trains and samples in
     * ("float32" or "float64"); runs written before it was recorded trained in float64.
     */
    record RunInfo(String preset, String corpus, long maxChars, String tokenizer, GPTConfig model, long seed,
            String dtype) {
        DataType type() {
            return dtype == null ? DataType.DOUBLE : Precision.parse(dtype);
        }
    }

    Path info() {
        return dir.resolve("run.json");
    }

    Path tokenizer() {
        return dir.resolve("tokenizer.json");
    }

    Path model() {
        return dir.resolve("model.state");
    }

    Path checkpoint() {
        return dir.resolve("checkpoint");
    }

    void writeInfo(RunInfo info) {
        try {
            Files.createDirectories(dir);
            Files.writeString(info(), GSON.toJson(info) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + info() + ": " + e.getMessage(), e);
        }
    }

    RunInfo readInfo() {
        try {
            // Gson builds records through their canonical constructors, so GPTConfig validates the shape.
            RunInfo info = GSON.fromJson(Files.readString(info()), RunInfo.class);
            if (info == null || info.model() == null || info.corpus() == null || info.tokenizer() == null) {
                throw new JsonParseException("fields are missing");
            }
            info.type(); // an unknown dtype is an error now, not in the middle of sampling
            return info;
        } catch (NoSuchFileException e) {
            throw new UsageException("no trained model in " + dir + " (" + info() + " is missing): train one"
                    + " first, or point --run at a run folder");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // malformed JSON, or a shape GPTConfig rejects (wrapped by Gson)
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UsageException(info() + " is not a valid run description: " + cause.getMessage());
        }
    }

    /** The trained model and its tokenizer, ready for sampling or evaluation. */
    Trained load() {
        RunInfo info = readInfo();
        Tokenizer tokenizer = Tokenizer.load(tokenizer());
        if (tokenizer.vocabSize() != info.model().vocabSize()) {
            throw new UsageException(tokenizer() + " has " + tokenizer.vocabSize() + " tokens but the model"
                    + " in " + info() + " has " + info.model().vocabSize() + "; the run folder is inconsistent");
        }
        Precision.use(info.type()); // for the rest of the command (Main restores it)
        GPT model = new GPT(info.model().withDropout(0.0), false); // the parameters are loaded next
        try {
            model.load(model());
        } catch (NoSuchFileException e) {
            throw new UsageException("no trained parameters in " + dir + " (" + model() + " is missing):"
                    + " the run did not finish; resume it with train --resume");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model() + ": " + e.getMessage(), e);
        }
        model.eval();
        return new Trained(info, tokenizer, model);
    }

    record Trained(RunInfo info, Tokenizer tokenizer, GPT model) {
    }
}

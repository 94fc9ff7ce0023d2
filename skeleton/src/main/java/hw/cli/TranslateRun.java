package hw.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.translate.EmbeddedPairs;
import hw.translate.ParallelCorpus;
import hw.translate.SubwordTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder {@code translate train} writes and {@code translate eval} and {@code translate --text} read:
 *
 * <pre>
 *     translate.json    the data (null: the embedded task), the model's shape, the seed
 *     tokenizer.json    the subword vocabulary with its special ids ({@link SubwordTokenizer#save})
 *     model.state       the trained GPT
 *     checkpoint/       the trainer's last checkpoint
 *     losses.csv, losses.png, bleu.csv, hypotheses-step-S.txt   the curves and each evaluation's translations
 * </pre>
 */
record TranslateRun(Path dir) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What {@code translate.json} holds. */
    record Info(String preset, String data, GPTConfig model, long seed) {
    }

    record Trained(Info info, SubwordTokenizer tokenizer, GPT model) {
    }

    Path info() {
        return dir.resolve("translate.json");
    }

    Path tokenizer() {
        return dir.resolve("tokenizer.json");
    }

    Path model() {
        return dir.resolve("model.state");
    }

    void writeInfo(Info info) {
        try {
            Files.createDirectories(dir);
            Files.writeString(info(), GSON.toJson(info) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + info() + ": " + e.getMessage(), e);
        }
    }

    Info readInfo() {
        try {
            Info info = GSON.fromJson(Files.readString(info()), Info.class);
            if (info == null || info.model() == null) {
                throw new JsonParseException("fields are missing");
            }
            return info;
        } catch (NoSuchFileException e) {
            throw new UsageException("no trained translator in " + dir + " (" + info() + " is missing):"
                    + " run translate train first, or point --run at its folder");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UsageException(info() + " is not a valid translation run: " + cause.getMessage());
        }
    }

    /** The data the run was trained on: the embedded task, or Multi30k's layout in a folder. */
    static ParallelCorpus corpus(String data) {
        if (data == null) {
            return EmbeddedPairs.corpus();
        }
        try {
            return ParallelCorpus.read(Path.of(data));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--data: " + e.getMessage());
        }
    }

    Trained load() {
        Info info = readInfo();
        SubwordTokenizer tokenizer;
        try {
            tokenizer = SubwordTokenizer.load(tokenizer());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (tokenizer.vocabSize() != info.model().vocabSize()) {
            throw new UsageException(tokenizer() + " has " + tokenizer.vocabSize() + " ids but the model in "
                    + info() + " has " + info.model().vocabSize() + "; the run folder is inconsistent");
        }
        GPT model = new GPT(info.model().withDropout(0.0), false);
        try {
            model.load(model());
        } catch (NoSuchFileException e) {
            throw new UsageException("no trained parameters in " + dir + " (" + model() + " is missing):"
                    + " the training did not finish");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model() + ": " + e.getMessage(), e);
        }
        model.eval();
        return new Trained(info, tokenizer, model);
    }
}

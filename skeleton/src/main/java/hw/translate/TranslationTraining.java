package hw.translate;

import hw.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Trains a translator in epochs with Problem 6's {@link Trainer}, unchanged: the trainer runs up to the end of
 * each epoch ({@link Trainer#train(int)}: same schedule, progress line, loss curves and checkpoints), then the
 * model translates the evaluation pairs, and the hypotheses ({@code hypotheses-epoch-N.txt}) and the BLEU
 * ({@code bleu.csv}) are written.
 */
public final class TranslationTraining {

    /** One epoch's result. */
    public record Epoch(int epoch, int step, BleuScore bleu, double trainSeconds, double evalSeconds) {
    }

    private TranslationTraining() {
    }

    /**
     * @param stepsPerEpoch optimizer steps per epoch; the trainer's config.steps() must be epochs · stepsPerEpoch
     * @param evalPairs     the pairs translated after each epoch (e.g. the validation split)
     * @param outputDir     where the hypotheses and bleu.csv go (null: nowhere)
     * @param afterEach     called after each epoch's evaluation, e.g. to save the model (null: nothing)
     */
    public static List<Epoch> run(TranslationModel model, Trainer trainer, SubwordTokenizer tokenizer,
            int stepsPerEpoch, List<TranslationPair> evalPairs, int maxNewTokens, Path outputDir, PrintStream out,
            Consumer<Epoch> afterEach) {
        int total = trainer.config().steps();
        if (stepsPerEpoch < 1 || total % stepsPerEpoch != 0) {
            throw new IllegalArgumentException("TranslationTraining: " + total + " steps are not whole epochs of "
                    + stepsPerEpoch);
        }
        List<Epoch> epochs = new ArrayList<>();
        long started = System.nanoTime();
        double trainSeconds = 0;
        for (int e = trainer.step() / stepsPerEpoch + 1; e <= total / stepsPerEpoch; e++) {
            long t0 = System.nanoTime();
            trainer.train(e * stepsPerEpoch);
            trainSeconds += (System.nanoTime() - t0) / 1e9;
            Path file = outputDir == null ? null : outputDir.resolve("hypotheses-epoch-" + e + ".txt");
            TranslationEvaluation.Result r = TranslationEvaluation.evaluate(model.gpt(), tokenizer, evalPairs,
                    maxNewTokens, file);
            Epoch epoch = new Epoch(e, trainer.step(), r.bleu(), trainSeconds, r.seconds());
            epochs.add(epoch);
            out.printf(Locale.ROOT, "epoch %d (step %d, %.0f s in all): %s on %d sentences; e.g. \"%s\" → \"%s\"%n", e,
                    trainer.step(), (System.nanoTime() - started) / 1e9, r.bleu().format(), evalPairs.size(),
                    evalPairs.get(0).german(), r.hypotheses().get(0));
            if (outputDir != null) {
                appendCsv(outputDir.resolve("bleu.csv"), epoch);
            }
            if (afterEach != null) {
                afterEach.accept(epoch);
            }
        }
        return epochs;
    }

    private static void appendCsv(Path file, Epoch e) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "epoch,step,bleu,train_seconds,eval_seconds\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, String.format(Locale.ROOT, "%d,%d,%.4f,%.1f,%.1f%n", e.epoch(), e.step(),
                    e.bleu().score(), e.trainSeconds(), e.evalSeconds()), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}

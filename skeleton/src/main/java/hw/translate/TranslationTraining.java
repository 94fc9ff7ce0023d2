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
 * Trains a translator with Problem 6's {@link Trainer}, unchanged, and scores it as it goes: the trainer runs up
 * to the next evaluation point ({@link Trainer#train(int)}: same schedule, progress line, loss curves and
 * checkpoints) — by default the end of each epoch — then the model translates the evaluation pairs, and the
 * hypotheses ({@code hypotheses-step-S.txt}) and the BLEU ({@code bleu.csv}) are written.
 */
public final class TranslationTraining {

    /** One evaluation: after {@code step} optimizer steps, that is {@code epoch} epochs (fractional). */
    public record Evaluation(int step, double epoch, BleuScore bleu, double trainSeconds, double evalSeconds) {
    }

    private TranslationTraining() {
    }

    /**
     * @param stepsPerEpoch optimizer steps per epoch (for the record)
     * @param evaluateEvery optimizer steps between evaluations (e.g. stepsPerEpoch); the last step is evaluated
     *                      too
     * @param evalPairs     the pairs translated at each evaluation (e.g. the validation split)
     * @param outputDir     where the hypotheses and bleu.csv go (null: nowhere)
     * @param afterEach     called after each evaluation, e.g. to save the model (null: nothing)
     */
    public static List<Evaluation> run(TranslationModel model, Trainer trainer, SubwordTokenizer tokenizer,
            int stepsPerEpoch, int evaluateEvery, List<TranslationPair> evalPairs, int maxNewTokens, Path outputDir,
            PrintStream out, Consumer<Evaluation> afterEach) {
        int total = trainer.config().steps();
        if (stepsPerEpoch < 1 || evaluateEvery < 1) {
            throw new IllegalArgumentException("TranslationTraining: stepsPerEpoch and evaluateEvery must be ≥ 1, got "
                    + stepsPerEpoch + " and " + evaluateEvery);
        }
        List<Evaluation> evaluations = new ArrayList<>();
        long started = System.nanoTime();
        double trainSeconds = 0;
        while (trainer.step() < total) {
            int until = Math.min(total, (trainer.step() / evaluateEvery + 1) * evaluateEvery);
            long t0 = System.nanoTime();
            trainer.train(until);
            trainSeconds += (System.nanoTime() - t0) / 1e9;
            Path file = outputDir == null ? null : outputDir.resolve("hypotheses-step-" + until + ".txt");
            TranslationEvaluation.Result r = TranslationEvaluation.evaluate(model.gpt(), tokenizer, evalPairs,
                    maxNewTokens, file);
            Evaluation e = new Evaluation(until, (double) until / stepsPerEpoch, r.bleu(), trainSeconds, r.seconds());
            evaluations.add(e);
            out.printf(Locale.ROOT, "step %d (epoch %.2f, %.0f s in all): %s on %d sentences; e.g. \"%s\" → \"%s\"%n",
                    until, e.epoch(), (System.nanoTime() - started) / 1e9, r.bleu().format(), evalPairs.size(),
                    evalPairs.get(0).german(), r.hypotheses().get(0));
            if (outputDir != null) {
                appendCsv(outputDir.resolve("bleu.csv"), e);
            }
            if (afterEach != null) {
                afterEach.accept(e);
            }
        }
        return evaluations;
    }

    private static void appendCsv(Path file, Evaluation e) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "step,epoch,bleu,train_seconds,eval_seconds\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, String.format(Locale.ROOT, "%d,%.3f,%.4f,%.1f,%.1f%n", e.step(), e.epoch(),
                    e.bleu().score(), e.trainSeconds(), e.evalSeconds()), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}

package hw.cli;

import hw.data.Batches;
import hw.data.Perplexity;
import hw.data.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/** {@code eval}: the trained model's loss on training and held-out batches, and its perplexity on held-out text. */
final class EvalCommand {
    private static final Set<String> VALUED = Set.of("run", "batches", "batch-size", "max-tokens", "seed");
    private static final Set<String> FLAGS = Set.of("help");

    private EvalCommand() {
    }

    static void run(String[] args) {
        Options o = Options.parse("eval", args, VALUED, FLAGS);
        if (o.has("help")) {
            System.out.println(help());
            return;
        }
        RunDirectory.Trained trained = new RunDirectory(Path.of(o.text("run", "runs/tiny"))).load();
        RunDirectory.RunInfo info = trained.info();
        String text = TrainCommand.text(info.corpus(), info.maxChars());
        Split split = Split.of(trained.tokenizer().encode(text), 0.9); // the same split as training
        int blockSize = info.model().blockSize();
        int batches = o.integer("batches", 20), batchSize = o.integer("batch-size", 16);
        long seed = o.longInteger("seed", 7);
        double trainLoss = Batches.estimateLoss(trained.model(),
                Batches.sampler(split.train(), batchSize, blockSize, new Random(seed)), batches);
        double valLoss = Batches.estimateLoss(trained.model(),
                Batches.sampler(split.validation(), batchSize, blockSize, new Random(seed + 1)), batches);
        int maxTokens = o.integer("max-tokens", 20_000);
        int[] heldOut = Arrays.copyOf(split.validation(), Math.min(maxTokens, split.validation().length));
        double nll = Perplexity.negativeLogLikelihood(trained.model(), heldOut);
        System.out.printf("loss over %d random batches of %d × %d tokens: training %.4f, held out %.4f%n", batches,
                batchSize, blockSize, trainLoss, valLoss);
        System.out.printf("held-out text (%,d %s tokens read in windows of %d): %.4f nats per token, perplexity %.2f"
                + " (a uniform guess: %d)%n", heldOut.length, info.tokenizer(), blockSize, nll, Math.exp(nll),
                info.model().vocabSize());
    }

    static String help() {
        return """
                eval [options] — loss and perplexity of a trained run on its corpus's held-out 10%

                  --run DIR            the run folder (default runs/tiny)
                  --batches N          random batches per loss estimate (default 20)
                  --batch-size B       sequences per batch (default 16)
                  --max-tokens N       how much held-out text the perplexity reads (default 20000)
                  --seed S             which batches (default 7)""";
    }
}

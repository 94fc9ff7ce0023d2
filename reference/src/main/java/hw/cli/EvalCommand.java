package hw.cli;

import hw.data.Batches;
import hw.data.Perplexity;
import hw.data.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eval}: the trained model's loss on training and held-out batches, and its perplexity on held-out text. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = "Loss and perplexity of a trained run on its corpus's held-out 10%%.")
final class EvalCommand implements Runnable {
    @Option(names = "--run", paramLabel = "DIR", defaultValue = "runs/tiny",
            description = "the run folder (default ${DEFAULT-VALUE})")
    private Path runFolder;
    @Option(names = "--batches", paramLabel = "N", defaultValue = "20",
            description = "random batches per loss estimate (default ${DEFAULT-VALUE})")
    private int batches;
    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16",
            description = "sequences per batch (default ${DEFAULT-VALUE})")
    private int batchSize;
    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "20000",
            description = "how much held-out text the perplexity reads (default ${DEFAULT-VALUE})")
    private int maxTokens;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "which batches (default"
            + " ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public void run() {
        RunDirectory.Trained trained = new RunDirectory(runFolder).load();
        RunDirectory.RunInfo info = trained.info();
        String text = TrainCommand.text(info.corpus(), info.maxChars());
        Split split = Split.of(trained.tokenizer().encode(text), 0.9); // the same split as training
        int blockSize = info.model().blockSize();
        double trainLoss = Batches.estimateLoss(trained.model(),
                Batches.sampler(split.train(), batchSize, blockSize, new Random(seed)), batches);
        double valLoss = Batches.estimateLoss(trained.model(),
                Batches.sampler(split.validation(), batchSize, blockSize, new Random(seed + 1)), batches);
        int[] heldOut = Arrays.copyOf(split.validation(), Math.min(maxTokens, split.validation().length));
        double nll = Perplexity.negativeLogLikelihood(trained.model(), heldOut);
        System.out.printf("loss over %d random batches of %d × %d tokens: training %.4f, held out %.4f%n", batches,
                batchSize, blockSize, trainLoss, valLoss);
        System.out.printf("held-out text (%,d %s tokens read in windows of %d): %.4f nats per token, perplexity %.2f"
                + " (a uniform guess: %d)%n", heldOut.length, info.tokenizer(), blockSize, nll, Math.exp(nll),
                info.model().vocabSize());
    }
}

package hw.cli;

import hw.model.GPTConfig;
import picocli.CommandLine.Option;

/**
 * The options that shape a model and its optimizer, shared by {@code train} and {@code translate train}. Each one
 * left out keeps its preset's value.
 */
final class ModelOptions {
    @Option(names = "--batch-size", paramLabel = "B", description = "examples per step (sequences, or pairs)")
    Integer batchSize;
    @Option(names = "--block-size", paramLabel = "T", description = "the context length (a translation row holds"
            + " the German, the English and both ends)")
    Integer blockSize;
    @Option(names = "--layers", paramLabel = "L", description = "transformer blocks")
    Integer layers;
    @Option(names = "--heads", paramLabel = "H", description = "attention heads per block")
    Integer heads;
    @Option(names = "--width", paramLabel = "C", description = "the embedding width")
    Integer width;
    @Option(names = "--dropout", paramLabel = "P", description = "the dropout probability")
    Double dropout;
    @Option(names = "--lr", paramLabel = "X", description = "the peak learning rate (warm-up, then cosine decay)")
    Double lr;
    @Option(names = "--weight-decay", paramLabel = "X", description = "AdamW's decoupled weight decay")
    Double weightDecay;

    /**
     * The model's shape for {@code vocabSize} tokens and a context of {@code blockSize}: each option given, else the
     * preset's value; tied weights and biases, as every preset has them.
     */
    GPTConfig shape(int vocabSize, int blockSize, int presetLayers, int presetHeads, int presetWidth,
            double presetDropout, long seed) {
        return new GPTConfig(vocabSize, blockSize, positive("--layers", or(layers, presetLayers)),
                positive("--heads", or(heads, presetHeads)), positive("--width", or(width, presetWidth)),
                or(dropout, presetDropout), true, true, seed);
    }

    /** {@code value} when it is at least 1; a mistake on the command line otherwise. */
    static int positive(String option, int value) {
        if (value <= 0) {
            throw new UsageException(option + " must be at least 1, got " + value);
        }
        return value;
    }

    /** {@code value}, or {@code fallback} when the option was not given. */
    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

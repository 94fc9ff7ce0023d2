package hw.data;

import hw.model.LanguageModel;
import hw.nn.Module;
import hw.tensor.NativeMemory;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/** Training batches cut from a token sequence at random, and the mean loss over many of them. */
public final class Batches {
    private Batches() {
    }

    /**
     * Problem 5.1 — a batch of B random windows of the data, each T = blockSize tokens long, with their targets:
     *
     * <pre>
     *     for b = 0 … B−1:   s_b = rng.nextInt(N − T)          // uniform in [0, N − T − 1], drawn in this order
     *         inputs[b]  = data[s_b     … s_b + T − 1]
     *         targets[b] = data[s_b + 1 … s_b + T]             // the token after each input
     * </pre>
     *
     * N − T − 1 is the last start whose target window still fits in the data, and every start from 0 to it must be
     * possible. Draw exactly one {@code rng.nextInt} per window, in the order b = 0 … B−1, so that a seed fixes the
     * batch (the tests rely on it). {@link Arrays#copyOfRange} or {@link System#arraycopy} cut windows.
     *
     * @param data      N token ids; N must be at least blockSize + 1
     * @param batchSize B ≥ 1
     * @param blockSize T ≥ 1
     */
    public static Batch getBatch(int[] data, int batchSize, int blockSize, Random rng) {
        checkSizes(data, batchSize, blockSize);
        // TODO Problem 5.1 (Batches.getBatch): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 5.1 (Batches.getBatch)");
    }

    /** Endless batches from the data: each call is {@link #getBatch} with these sizes and this random source. */
    public static Supplier<Batch> sampler(int[] data, int batchSize, int blockSize, Random rng) {
        checkSizes(data, batchSize, blockSize); // now rather than at the first call
        return () -> getBatch(data, batchSize, blockSize, rng);
    }

    private static void checkSizes(int[] data, int batchSize, int blockSize) {
        if (batchSize <= 0 || blockSize <= 0) {
            throw new IllegalArgumentException("getBatch: batchSize and blockSize must be positive, got batchSize = "
                    + batchSize + ", blockSize = " + blockSize);
        }
        if (data.length < blockSize + 1) {
            throw new IllegalArgumentException("getBatch: " + data.length + " tokens are too few for a window of"
                    + " blockSize = " + blockSize + " and its targets; need at least " + (blockSize + 1));
        }
    }

    /**
     * The mean of the model's loss over {@code nBatches} batches — a far less noisy number than one batch's loss.
     * The model is put in evaluation mode (no dropout) and no graph is recorded; afterwards the model is back in
     * the mode it was in.
     */
    public static double estimateLoss(LanguageModel model, Supplier<Batch> batches, int nBatches) {
        if (nBatches <= 0) {
            throw new IllegalArgumentException("estimateLoss: nBatches must be positive, got " + nBatches);
        }
        try (Module.Inference ignored = Module.inference(model)) {
            double total = 0;
            for (int k = 0; k < nBatches; k++) {
                Batch batch = batches.get();
                total += model.forward(batch.inputs(), batch.targets()).loss().item();
                NativeMemory.collectIfGrown();
            }
            return total / nBatches;
        }
    }
}

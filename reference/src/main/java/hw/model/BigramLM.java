package hw.model;

import hw.nn.Functions;
import hw.nn.Init;
import hw.nn.Module;
import hw.tensor.Precision;
import hw.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The simplest language model: the next token depends on the current token only. A table A [V, V] holds, in row
 * v, the logits of the token that follows v:
 *
 * <pre>
 *     p(next | current = v) = softmax(A[v])
 * </pre>
 *
 * Trained by gradient descent on the cross-entropy, row v converges to the log of the counts of the bigrams
 * (v, ·) in the text, up to a constant per row: the model is a table of bigram frequencies.
 *
 * <p>The table starts from N(0, 0.02²) drawn from the seed, so at first every next token is about equally likely
 * and the loss is about log V.
 */
public class BigramLM extends Module implements LanguageModel {
    /** The standard deviation of the initial logits. */
    public static final double INIT_STD = 0.02;

    private final int vocabSize;
    private final Tensor table; // [V, V]: row v holds the logits of the token after v

    public BigramLM(int vocabSize, long seed) {
        if (vocabSize <= 0) {
            throw new IllegalArgumentException("BigramLM: vocabSize must be positive, got " + vocabSize);
        }
        this.vocabSize = vocabSize;
        this.table = registerParameter("table", Tensor.param(Nd4j.zeros(Precision.current(), vocabSize, vocabSize)));
        Init.normal(table, INIT_STD, new Random(seed));
    }

    /** The table of logits A [V, V], a parameter: row v gives the logits of the token after v. */
    public Tensor table() {
        return table;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    /** Unlimited: the model reads only the last token, so any context length is fine. */
    @Override
    public int blockSize() {
        return Integer.MAX_VALUE;
    }

    /**
     * Problem 5.2 — the logits for ids [B, T]: logits[b][t] = A[ids[b][t]], a row lookup, as a [B, T, V] tensor.
     * It must be differentiable through the project's autograd — the gradient of a loss has to reach the table —
     * so build it from {@link Tensor} operations on {@link #table()}: {@link Tensor#gatherRows} with the ids
     * flattened row by row, then a reshape (what {@link hw.nn.Embedding} does). The ids are already checked.
     *
     * <p>Needs Problem 2.4 first: the loss of {@code forward(ids, targets)} is its cross-entropy.
     */
    @Override
    public Tensor forward(int[][] ids) {
        checkIds(ids);
        // BEGIN SOLUTION Problem 5.2 (BigramLM.forward)
        int batch = ids.length, time = ids[0].length;
        int[] rowOrder = new int[batch * time];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                rowOrder[b * time + t] = ids[b][t];
            }
        }
        return table.gatherRows(rowOrder).reshape(batch, time, vocabSize); // [B, T, V]
        // END SOLUTION
    }

    /** The logits and the mean cross-entropy of predicting {@code targets} [B, T] (the next tokens). */
    @Override
    public GPT.Output forward(int[][] ids, int[][] targets) {
        Tensor logits = forward(ids);                                                       // [B, T, V]
        int time = ids[0].length;
        if (targets.length != ids.length) {
            throw new IllegalArgumentException("BigramLM: " + targets.length + " target rows for " + ids.length
                    + " sequences");
        }
        int[] flat = new int[ids.length * time];
        for (int b = 0; b < targets.length; b++) {
            if (targets[b].length != time) {
                throw new IllegalArgumentException("BigramLM: target row " + b + " has " + targets[b].length
                        + " ids, the sequences have " + time);
            }
            System.arraycopy(targets[b], 0, flat, b * time, time);
        }
        return new GPT.Output(logits, Functions.crossEntropy(logits, flat));
    }

    /**
     * Problem 5.3 — continues {@code prompt} by {@code newTokens} tokens sampled one at a time, each from
     * softmax(A[last token]); returns the prompt followed by the new tokens. Sample with this rule (the tests
     * replay it with the same seed): draw u = {@code rng.nextDouble()} — one draw per new token — and take the first
     * token i whose cumulative probability p_0 + … + p_i exceeds u (if rounding leaves none, the last token of
     * non-zero probability). Compute the softmax stably (subtract the row's maximum first): a logit of 1000 must
     * not overflow. The model is already in eval mode and no graph is recorded here; reading the row with
     * {@code table().data().getRow(v)} is fine.
     *
     * @param prompt    at least one token id; only its last token matters to a bigram model
     * @param newTokens how many tokens to add, ≥ 0
     */
    public int[] generate(int[] prompt, int newTokens, Random rng) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("BigramLM.generate: the prompt needs at least one token");
        }
        if (newTokens < 0) {
            throw new IllegalArgumentException("BigramLM.generate: newTokens must be ≥ 0, got " + newTokens);
        }
        checkIds(new int[][] {prompt});
        try (Inference ignored = inference(this)) {
            // BEGIN SOLUTION Problem 5.3 (BigramLM.generate)
            int[] sequence = Arrays.copyOf(prompt, prompt.length + newTokens);
            Map<Integer, double[]> softmaxOfRow = new HashMap<>(); // each row's distribution, computed once
            for (int i = prompt.length; i < sequence.length; i++) {
                double[] p = softmaxOfRow.computeIfAbsent(sequence[i - 1], token -> {
                    double[] logits = table.data().getRow(token).toDoubleVector();        // [V]
                    double top = Arrays.stream(logits).max().orElseThrow();
                    double[] weights = Arrays.stream(logits).map(z -> Math.exp(z - top)).toArray(); // ≤ 1: stable
                    double total = Arrays.stream(weights).sum();
                    return Arrays.stream(weights).map(w -> w / total).toArray();          // [V]
                });
                double u = rng.nextDouble(), cumulative = 0;
                int chosen = -1;
                for (int v = 0; v < vocabSize; v++) {
                    cumulative += p[v];
                    if (p[v] > 0) {
                        chosen = v; // the last token of non-zero probability, unless one crosses u first
                    }
                    if (cumulative > u) {
                        break;
                    }
                }
                sequence[i] = chosen;
            }
            return sequence;
            // END SOLUTION
        }
    }

    private void checkIds(int[][] ids) {
        if (ids.length == 0 || ids[0].length == 0) {
            throw new IllegalArgumentException("BigramLM: needs at least one sequence of at least one token");
        }
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != ids[0].length) {
                throw new IllegalArgumentException("BigramLM: sequence " + b + " has " + ids[b].length
                        + " tokens, sequence 0 has " + ids[0].length + "; a batch needs equal lengths");
            }
            for (int t = 0; t < ids[b].length; t++) {
                if (ids[b][t] < 0 || ids[b][t] >= vocabSize) {
                    throw new IllegalArgumentException("BigramLM: token id " + ids[b][t] + " at [" + b + ", " + t
                            + "] is outside the vocabulary [0, " + vocabSize + ")");
                }
            }
        }
    }
}

package hw.translate;

import hw.nn.Functions;
import hw.tensor.Shapes;
import hw.tensor.Tensor;

/** The translation loss: cross-entropy over the target tokens only. */
public final class MaskedLoss {
    private MaskedLoss() {
    }

    /**
     * Problem 8.2 — the mean softmax loss over the positions of weight 1:
     *
     * <pre>
     *     loss = Σ_{b,t} w[b][t] · ℓ[b][t]  /  Σ_{b,t} w[b][t],     ℓ[b][t] = −log softmax(logits[b, t, :])[labels[b][t]]
     * </pre>
     *
     * Reuse Problem 2's per-example softmax loss ({@link Functions#softmaxLoss}, on the logits viewed as
     * [B·T, V]); the result is a scalar that backpropagates into the logits. A label at a weight-0 position may
     * be anything, even {@link TranslationBatch#IGNORED}: it must not be read.
     *
     * <p>Classic mistakes: the mean over every position (B·T), so that padding and source dilute the loss and a
     * batch of short sentences counts less; the mean of per-sentence means (a one-word sentence then weighs as
     * much as a long one); dividing by the batch size B.
     *
     * <p>Needs Problem 2.4 first: the loss of each token is its softmax loss.
     *
     * @param logits  [B, T, V]
     * @param labels  [B, T] ids in [0, V) wherever the weight is not 0
     * @param weights [B, T] 0 or 1 (any non-negative weights work), not all 0
     */
    public static Tensor loss(Tensor logits, int[][] labels, double[][] weights) {
        if (logits.rank() != 3 || logits.size(0) != labels.length || labels.length != weights.length
                || labels.length == 0) {
            throw new IllegalArgumentException("MaskedLoss: needs logits [B, T, V] and labels and weights [B, T], got"
                    + " logits " + Shapes.show(logits.shape()) + ", " + labels.length + " label rows, "
                    + weights.length + " weight rows");
        }
        int rows = labels.length, time = (int) logits.size(1), vocab = (int) logits.size(2);
        double total = 0;
        for (int b = 0; b < rows; b++) {
            if (labels[b].length != time || weights[b].length != time) {
                throw new IllegalArgumentException("MaskedLoss: row " + b + " has " + labels[b].length + " labels and "
                        + weights[b].length + " weights, the logits have T = " + time);
            }
            for (int t = 0; t < time; t++) {
                if (!(weights[b][t] >= 0) || Double.isInfinite(weights[b][t])) {
                    throw new IllegalArgumentException("MaskedLoss: weight " + weights[b][t] + " at [" + b + ", " + t
                            + "]; weights must be finite and ≥ 0");
                }
                if (weights[b][t] != 0 && (labels[b][t] < 0 || labels[b][t] >= vocab)) {
                    throw new IllegalArgumentException("MaskedLoss: label " + labels[b][t] + " at [" + b + ", " + t
                            + "] has weight " + weights[b][t] + " but is outside the vocabulary [0, " + vocab + ")");
                }
                total += weights[b][t];
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("MaskedLoss: every weight is 0; there is no target token to learn from");
        }
        // TODO Problem 8.2 (MaskedLoss.loss): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 8.2 (MaskedLoss.loss)");
    }
}

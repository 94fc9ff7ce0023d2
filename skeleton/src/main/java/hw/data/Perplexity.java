package hw.data;

import hw.model.LanguageModel;
import hw.nn.Functions;
import hw.nn.Module;
import hw.tensor.Tensor;

/**
 * How well a model predicts a whole text: the mean negative log-likelihood per token (in nats), and the perplexity
 * exp(NLL) — the number of equally likely tokens the model is, on average, choosing among. A model that knows
 * nothing (uniform over V tokens) has perplexity V; a model that always puts probability 1 on the truth has 1.
 *
 * <p>The text is read in consecutive windows, each at most {@link #windowLength} tokens, and every token except the
 * first is predicted exactly once, from the tokens before it in its window:
 *
 * <pre>
 *     W = windowLength(model, N)
 *     window k:  inputs  = tokens[kW     … kW + L − 1]      L = min(W, N − 1 − kW)
 *                targets = tokens[kW + 1 … kW + L]          (the last window may be shorter)
 * </pre>
 *
 * so token i (1 ≤ i ≤ N − 1) is predicted from tokens[kW … i − 1], kW being the start of its window. The
 * windows do not overlap: the first tokens of a window have little context, which costs a GPT a little compared with
 * a sliding window, but each window is one forward pass. A bigram model's predictions do not depend on the window.
 */
public final class Perplexity {
    /** The longest window whatever the model's context (the bigram model's is unlimited): bounds the memory. */
    public static final int MAX_WINDOW = 1024;

    private Perplexity() {
    }

    /**
     * Problem 5.4 — the mean negative log-likelihood per predicted token, in nats:
     *
     * <pre>
     *     NLL = −1/(N−1) · Σ_{i=1}^{N−1} log p(tokens[i] | the tokens before i in its window)
     * </pre>
     *
     * with the windows of the class comment ({@code window} = W is computed for you). Run each window through
     * {@code model.forward(int[][])} as a batch of one sequence [1, L] → logits [1, L, V]; position t of the
     * logits predicts targets[t]. Sum −log softmax(logits)[target] stably — {@link Functions#crossEntropy(Tensor,
     * int[], Functions.Reduction)} with {@code SUM} does exactly that — and divide by the number of predicted
     * tokens, N − 1 (not by the number of windows: the last one may be shorter). The model is already in eval mode
     * and no graph is recorded here.
     *
     * <p>Needs Problem 2.4 first: {@code Functions.crossEntropy} is built on it.
     *
     * @param tokens N ≥ 2 token ids in [0, V)
     */
    public static double negativeLogLikelihood(LanguageModel model, int[] tokens) {
        checkTokens(model, tokens);
        int window = windowLength(model, tokens.length);
        try (Module.Inference ignored = Module.inference(model)) {
            // TODO Problem 5.4 (Perplexity.negativeLogLikelihood): your code here.
            throw new UnsupportedOperationException("not implemented yet: Problem 5.4 (Perplexity.negativeLogLikelihood)");
        }
    }

    /** exp({@link #negativeLogLikelihood}): V for a uniform model over V tokens, 1 for a model that is never wrong. */
    public static double perplexity(LanguageModel model, int[] tokens) {
        return Math.exp(negativeLogLikelihood(model, tokens));
    }

    /** W: the model's context ({@link LanguageModel#blockSize()}), at most {@link #MAX_WINDOW} and N − 1. */
    public static int windowLength(LanguageModel model, int tokenCount) {
        return Math.max(1, Math.min(Math.min(model.blockSize(), MAX_WINDOW), tokenCount - 1));
    }

    private static void checkTokens(LanguageModel model, int[] tokens) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("Perplexity: needs at least 2 tokens (the first is only context), got "
                    + tokens.length);
        }
        int vocab = model.vocabSize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("Perplexity: token id " + tokens[i] + " at position " + i
                        + " is outside the model's vocabulary [0, " + vocab + ")");
            }
        }
    }
}

package hw.sample;

import hw.tensor.NativeMemory;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The rule every sampler uses to pick the next token from a row of logits, so that two samplers that see the same
 * logits with the same seed pick the same tokens. One instance serves one sample: it owns the random generator,
 * seeded by {@link SamplingOptions#seed()}.
 *
 * <ol>
 *   <li>Greedy: the id with the largest logit, the lowest id on a tie. No random number is drawn.</li>
 *   <li>Otherwise the logits are divided by the temperature;</li>
 *   <li>with top-k (0 &lt; k &lt; V) only the k largest stay candidates (on a tie at the boundary, the lower
 *       ids); the others get probability 0;</li>
 *   <li>the candidates' probabilities are softmax(logit / temperature), and the token is found by inverting
 *       their cumulative distribution, taken in increasing id order, at u = {@code rng.nextDouble()}: the first
 *       id whose cumulative probability exceeds u. Exactly one number is drawn per token.</li>
 * </ol>
 */
public final class NextToken {
    private final SamplingOptions options;
    private final Random rng;

    public NextToken(SamplingOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("NextToken: no sampling options given");
        }
        this.options = options;
        this.rng = new Random(options.seed());
    }

    public SamplingOptions options() {
        return options;
    }

    /** The token after the last position of logits [1, T, V] (a batch of one sequence). */
    public int afterLast(Tensor logits) {
        INDArray data = logits.data();
        if (data.rank() != 3 || data.size(0) != 1) {
            throw new IllegalArgumentException("NextToken: needs logits [1, T, V], got " + Shapes.show(data.shape()));
        }
        long last = data.size(1) - 1;
        double[] row = data.get(NDArrayIndex.point(0), NDArrayIndex.point(last), NDArrayIndex.all()).dup()
                .toDoubleVector();
        NativeMemory.collectIfGrown(); // once per token: the forward pass that made these logits is garbage now
        return choose(row, options, rng);
    }

    /** The rule of the class comment on one row of logits [V]; draws from {@code rng} unless greedy. */
    public static int choose(double[] logits, SamplingOptions options, Random rng) {
        int v = logits.length;
        if (v == 0) {
            throw new IllegalArgumentException("NextToken: no logits");
        }
        for (int i = 0; i < v; i++) {
            if (Double.isNaN(logits[i]) || logits[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("NextToken: the logit of token " + i + " is " + logits[i]
                        + "; the model's output is broken");
            }
        }
        if (options.greedy()) {
            return argmax(logits);
        }
        boolean[] candidate = topK(logits, options.topK());
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            if (candidate[i]) {
                max = Math.max(max, logits[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("NextToken: every candidate's logit is −∞");
        }
        double[] weight = new double[v]; // unnormalised probabilities
        double total = 0;
        for (int i = 0; i < v; i++) {
            if (candidate[i]) {
                weight[i] = Math.exp((logits[i] - max) / options.temperature());
                total += weight[i];
            }
        }
        double target = rng.nextDouble() * total;
        double cumulative = 0;
        int lastPossible = -1;
        for (int i = 0; i < v; i++) {
            if (weight[i] > 0) {
                cumulative += weight[i];
                lastPossible = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return lastPossible; // rounding left the cumulative sum a hair below the target
    }

    /** The index of the largest value, the lowest index on a tie. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Which ids are candidates: the k largest logits (the lower ids on a tie), or all when k is 0 or ≥ V. */
    static boolean[] topK(double[] logits, int k) {
        int v = logits.length;
        boolean[] keep = new boolean[v];
        if (k == 0 || k >= v) {
            Arrays.fill(keep, true);
            return keep;
        }
        double[] sorted = logits.clone();
        Arrays.sort(sorted);
        double threshold = sorted[v - k]; // the k-th largest value
        int left = k;
        for (int i = 0; i < v; i++) {
            if (logits[i] > threshold) {
                keep[i] = true;
                left--;
            }
        }
        for (int i = 0; i < v && left > 0; i++) {
            if (logits[i] == threshold) {
                keep[i] = true;
                left--;
            }
        }
        return keep;
    }
}

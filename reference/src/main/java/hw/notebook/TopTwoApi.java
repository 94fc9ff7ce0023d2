package hw.notebook;

import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * A simulated language-model API that, like some hosted models, answers a query with only the two most likely next
 * tokens and their log-probabilities — after adding a logit bias to one token of the caller's choice. The model
 * behind it has a fixed next-token distribution over {@code vocabularySize} tokens that the caller never sees
 * directly; every call is counted.
 *
 * <pre>
 *     biased logits  z'_i = z_i + b·[i = token]     (|b| ≤ 100)
 *     answer         the two tokens with the largest z'_i, each with log softmax(z')_i
 * </pre>
 */
public final class TopTwoApi {
    /** The largest bias a call may add to one logit, in either direction (hosted APIs bound it too). */
    public static final double MAX_BIAS = 100;

    /** One token of an answer: its id and its log-probability under the biased distribution. */
    public record Token(int id, double logProb) {
    }

    private final double[] logits;
    private int calls;

    /** A model with random logits (spread about ±3), reproducible from {@code seed}. */
    public TopTwoApi(int vocabularySize, long seed) {
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("the vocabulary needs at least 2 tokens, not " + vocabularySize);
        }
        Random random = new Random(seed);
        logits = new double[vocabularySize];
        for (int i = 0; i < vocabularySize; i++) {
            logits[i] = 1.5 * random.nextGaussian();
        }
    }

    public int vocabularySize() {
        return logits.length;
    }

    /** How many times {@link #topTwo} has been called. */
    public int calls() {
        return calls;
    }

    /** The two most likely tokens without any bias, the most likely first. */
    public Token[] topTwo() {
        return topTwo(0, 0);
    }

    /** The two most likely tokens after adding {@code bias} to the logit of {@code token}, the most likely first. */
    public Token[] topTwo(int token, double bias) {
        calls++;
        double[] z = logits.clone();
        if (token < 0 || token >= z.length) {
            throw new IllegalArgumentException("no token " + token + " (the vocabulary is 0.." + (z.length - 1) + ")");
        }
        if (!(Math.abs(bias) <= MAX_BIAS)) {
            throw new IllegalArgumentException("a bias must be within ±" + MAX_BIAS + ", not " + bias);
        }
        z[token] += bias;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double logNorm = max + Math.log(sum);
        int first = 0;
        for (int i = 1; i < z.length; i++) {
            first = z[i] > z[first] ? i : first;
        }
        int second = first == 0 ? 1 : 0;
        for (int i = 0; i < z.length; i++) {
            if (i != first && z[i] > z[second]) {
                second = i;
            }
        }
        return new Token[] {new Token(first, z[first] - logNorm), new Token(second, z[second] - logNorm)};
    }

    /**
     * Checks a recovery of the whole distribution: for each vocabulary size and seed, {@code recover} gets a fresh
     * API and must return every token's probability (within 1e-6) using at most |V| + 1 calls.
     */
    public static void checkRecovery(String question, Function<TopTwoApi, double[]> recover, int[] sizes,
            long... seeds) {
        Check.that(question, () -> {
            for (int v : sizes) {
                for (long seed : seeds) {
                    TopTwoApi api = new TopTwoApi(v, seed);
                    double[] p = recover.apply(api);
                    String problem = compare(p, api.trueDistribution(), api.calls(), v, seed);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        });
    }

    private static String compare(double[] p, double[] truth, int calls, int v, long seed) {
        String where = "with |V| = " + v + " (seed " + seed + ")";
        if (p == null || p.length != v) {
            return where + " the recovery returned " + (p == null ? "null" : p.length + " probabilities")
                    + " instead of " + v;
        }
        for (int i = 0; i < v; i++) {
            if (!(Math.abs(p[i] - truth[i]) <= 1e-6)) {
                return String.format(Locale.ROOT, "%s token %d has probability %.6f, but you recovered %s", where,
                        i, truth[i], p[i]);
            }
        }
        if (calls > v + 1) {
            return where + " the recovery made " + calls + " calls; at most |V| + 1 = " + (v + 1) + " are allowed";
        }
        return null;
    }

    /** The true next-token distribution: only this package's check reads it. */
    double[] trueDistribution() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}

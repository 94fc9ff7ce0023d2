package hw.sample;

/**
 * How a sampler picks each next token; {@link NextToken} is the rule that reads these.
 *
 * @param temperature divides the logits before the softmax: below 1 sharpens the distribution, above 1 flattens
 *                    it; must be positive and finite unless {@code greedy} (which ignores it)
 * @param topK        keep only the k most likely tokens (0 = keep all; k ≥ V also keeps all)
 * @param greedy      always take the most likely token (the lowest id on a tie); draws no random number
 * @param seed        seeds the random numbers of one sample, so a seed fixes the tokens
 */
public record SamplingOptions(double temperature, int topK, boolean greedy, long seed) {

    public SamplingOptions {
        if (!greedy && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("SamplingOptions: the temperature must be positive and finite, got "
                    + temperature + " (for the most likely token every time, use greedy decoding)");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("SamplingOptions: topK must be ≥ 0 (0 keeps every token), got " + topK);
        }
    }

    /** Sampling from the model's own distribution: temperature 1, every token kept, seed 0. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(1.0, 0, false, 0);
    }

    /** Sampling with the given temperature, top-k (0 = off) and seed. */
    public static SamplingOptions sampling(double temperature, int topK, long seed) {
        return new SamplingOptions(temperature, topK, false, seed);
    }

    /** Greedy decoding: the most likely token at every step (no randomness). */
    public static SamplingOptions greedyDecoding() {
        return new SamplingOptions(1.0, 0, true, 0);
    }

    public SamplingOptions withTemperature(double t) {
        return new SamplingOptions(t, topK, greedy, seed);
    }

    public SamplingOptions withTopK(int k) {
        return new SamplingOptions(temperature, k, greedy, seed);
    }

    public SamplingOptions withSeed(long s) {
        return new SamplingOptions(temperature, topK, greedy, s);
    }
}

package hw.sample;

import hw.model.GPT;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@link NaiveSampler} against {@link CachedSampler} on one model and prompt: both warm up first (the JIT,
 * ND4J's first calls), then each is timed several times, alternating, and its fastest run counts (the least
 * disturbed by the rest of the machine).
 */
public final class SamplerComparison {

    /** The fastest time of each sampler for {@code newTokens} tokens, and whether they picked the same ones. */
    public record Result(int newTokens, double naiveSeconds, double cachedSeconds, boolean sameTokens) {

        public double naiveTokensPerSecond() {
            return newTokens / naiveSeconds;
        }

        public double cachedTokensPerSecond() {
            return newTokens / cachedSeconds;
        }

        /** How many times faster the cached sampler is (naive time / cached time). */
        public double speedup() {
            return naiveSeconds / cachedSeconds;
        }

        /** A small table: tokens/s of each sampler, the speed-up and whether the tokens agree. */
        public String describe() {
            return String.format(Locale.ROOT, "%-8s %12s %10s%n%-8s %12.1f %10.3f%n%-8s %12.1f %10.3f%n"
                            + "speed-up %.2fx, %d new tokens, %s", "sampler", "tokens/s", "seconds",
                    "naive", naiveTokensPerSecond(), naiveSeconds, "cached", cachedTokensPerSecond(), cachedSeconds,
                    speedup(), newTokens, sameTokens ? "same tokens" : "DIFFERENT TOKENS (the cache is wrong)");
        }
    }

    private SamplerComparison() {
    }

    /** {@link #compare(GPT, int[], int, SamplingOptions, int, int)} with one warm-up run and three timed runs. */
    public static Result compare(GPT model, int[] prompt, int newTokens, SamplingOptions options) {
        return compare(model, prompt, newTokens, options, 1, 3);
    }

    /**
     * Times both samplers.
     *
     * @param warmups untimed runs of each sampler first
     * @param runs    timed runs of each (at least 1); the fastest counts
     */
    public static Result compare(GPT model, int[] prompt, int newTokens, SamplingOptions options, int warmups,
            int runs) {
        if (newTokens <= 0 || warmups < 0 || runs <= 0) {
            throw new IllegalArgumentException("SamplerComparison: needs newTokens > 0, warmups ≥ 0 and runs > 0, got "
                    + newTokens + ", " + warmups + ", " + runs);
        }
        Sampler naive = new NaiveSampler(), cached = new CachedSampler();
        for (int i = 0; i < warmups; i++) {
            naive.generate(model, prompt, newTokens, options);
            cached.generate(model, prompt, newTokens, options);
        }
        long bestNaive = Long.MAX_VALUE, bestCached = Long.MAX_VALUE;
        int[] naiveTokens = null, cachedTokens = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            naiveTokens = naive.generate(model, prompt, newTokens, options);
            bestNaive = Math.min(bestNaive, System.nanoTime() - start);
            start = System.nanoTime();
            cachedTokens = cached.generate(model, prompt, newTokens, options);
            bestCached = Math.min(bestCached, System.nanoTime() - start);
        }
        return new Result(newTokens, bestNaive / 1e9, bestCached / 1e9, Arrays.equals(naiveTokens, cachedTokens));
    }
}

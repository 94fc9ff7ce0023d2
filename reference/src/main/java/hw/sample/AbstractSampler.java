package hw.sample;

import hw.model.GPT;
import hw.nn.Module;
import java.util.Arrays;

/**
 * What every sampler does around its loop: it checks the request, puts the model in evaluation mode (no dropout)
 * with gradients off and an empty KV cache, runs {@link #extend}, and afterwards restores the model's mode and
 * leaves the cache empty again — also when the loop fails.
 */
public abstract class AbstractSampler implements Sampler {

    @Override
    public final int[] generate(GPT model, int[] prompt, int newTokens, SamplingOptions options) {
        check(model, prompt, newTokens, options);
        RuntimeException failure = null;
        try (Module.Inference ignored = Module.inference(model)) {
            emptyCache(model);
            int[] tokens = extend(model, prompt.clone(), newTokens, new NextToken(options));
            if (tokens == null || tokens.length != prompt.length + newTokens) {
                throw new IllegalStateException(getClass().getSimpleName() + ": returned "
                        + (tokens == null ? "null" : tokens.length + " tokens") + ", expected the prompt's "
                        + prompt.length + " and " + newTokens + " new ones");
            }
            return tokens;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                emptyCache(model);
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * The loop: the prompt followed by {@code newTokens} tokens, each picked by {@code next} (in order, once per
     * token, so every sampler consumes the random numbers alike). It runs in evaluation mode with gradients off,
     * and the KV cache is empty when it starts; the prompt is a copy the loop may keep.
     */
    protected abstract int[] extend(GPT model, int[] prompt, int newTokens, NextToken next);

    /**
     * The model's context for the next token: the last min(length, blockSize) of {@code tokens[0 … length−1]},
     * as a batch of one sequence [1, n].
     */
    protected static int[][] window(int[] tokens, int length, int blockSize) {
        int start = Math.max(0, length - blockSize);
        return new int[][] {Arrays.copyOfRange(tokens, start, length)};
    }

    private static void emptyCache(GPT model) {
        if (model.cachedLength() > 0) {
            model.clearCache();
        }
    }

    private static void check(GPT model, int[] prompt, int newTokens, SamplingOptions options) {
        if (model == null) {
            throw new IllegalArgumentException("sampler: no model given");
        }
        if (options == null) {
            throw new IllegalArgumentException("sampler: no sampling options given (SamplingOptions.defaults())");
        }
        if (prompt == null || prompt.length == 0) {
            throw new IllegalArgumentException("sampler: the prompt is empty; give at least one token to continue"
                    + " (an unprompted sample starts from a token of your choice, such as a newline)");
        }
        int vocab = model.vocabSize();
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] < 0 || prompt[i] >= vocab) {
                throw new IllegalArgumentException("sampler: prompt token " + i + " is " + prompt[i]
                        + ", outside the vocabulary [0, " + vocab + ")");
            }
        }
        if (newTokens < 0) {
            throw new IllegalArgumentException("sampler: cannot sample " + newTokens + " tokens");
        }
    }
}

package hw.sample;

import hw.model.GPT;
import hw.tensor.Tensor;
import java.util.Arrays;

/**
 * A sampler that reads each new token through the model's KV cache, and picks exactly the tokens
 * {@link NaiveSampler} picks.
 *
 * <p><b>Up to blockSize tokens</b> the cache holds the whole sequence. The prompt (its last blockSize tokens) is
 * read in one forward pass, which fills the cache; after that each step feeds only the token just picked, whose
 * queries attend over the cached keys and values. Per new token that costs one token's projections and
 * feed-forward per layer plus attention over the n cached positions — O(nLayer·(C² + n·C)) — where the naive
 * sampler pays for all n tokens again, O(nLayer·(n·C² + n²·C)).
 *
 * <p><b>Beyond blockSize</b> (overflow) the model may only read the last blockSize tokens, and the naive sampler
 * reads them at positions 0 … blockSize−1: every step shifts every token's position by one. Position embeddings
 * are learned and absolute, so every cached key and value — in the first layer through the position embedding,
 * in later ones through attention over a window that has lost its first token — belongs to a context the model
 * no longer reads. Dropping the oldest entry (a rolling cache) would keep stale keys and give different tokens;
 * no part of the cache can be reused exactly. So when the cache is full, the sampler clears it and reads the
 * cropped window again in one batched forward pass (a prefill). From then on every new token costs such a prefill:
 * the same O(nLayer·(blockSize·C² + blockSize²·C)) as the naive sampler — the cache saves nothing after
 * overflow, but costs nothing either. (Anything cheaper, e.g. re-reading only the last blockSize/2 tokens and
 * continuing from there, reads a shorter context than the naive sampler and so is a different sampler.)
 */
public class CachedSampler extends AbstractSampler {

    /**
     * Problem 7.3 — the sampling loop with the KV cache. The cache is empty at the start; gradients are off.
     *
     * <ol>
     *   <li>Prefill: one forward pass with the cache over the prompt's last blockSize tokens
     *       ({@link #window}) gives the logits for the first new token;</li>
     *   <li>each new token comes from {@code next.afterLast(logits)} — once per token, in order, as in
     *       {@link NaiveSampler};</li>
     *   <li>then, if another token is still wanted: when the cache has room ({@link GPT#cachedLength()} &lt;
     *       blockSize) feed only the new token, [1, 1], with the cache; when it is full, clear it
     *       ({@link GPT#clearCache()}) and prefill again with the last blockSize tokens (see the class comment
     *       for why nothing cheaper gives the same tokens).</li>
     * </ol>
     * Return the prompt followed by the new tokens.
     *
     * <p>Needs Problems 4.5, 7.1 and 7.2 first for its speed test, which samples from a real GPT with its KV cache; its
     * other tests run a stand-in model and need nothing else.
     */
    @Override
    protected int[] extend(GPT model, int[] prompt, int newTokens, NextToken next) {
        // BEGIN SOLUTION Problem 7.3 (CachedSampler.extend)
        int blockSize = model.blockSize();
        int[] tokens = Arrays.copyOf(prompt, prompt.length + newTokens);
        if (newTokens == 0) {
            return tokens;
        }
        Tensor logits = model.forward(window(tokens, prompt.length, blockSize), true); // [1, n, V]
        for (int length = prompt.length; length < tokens.length; length++) {
            tokens[length] = next.afterLast(logits);
            if (length + 1 == tokens.length) {
                break; // that was the last token: no logits needed after it
            }
            if (model.cachedLength() < blockSize) {
                logits = model.forward(new int[][] {{tokens[length]}}, true);           // [1, 1, V]
            } else {
                model.clearCache();
                logits = model.forward(window(tokens, length + 1, blockSize), true);    // [1, blockSize, V]
            }
        }
        return tokens;
        // END SOLUTION
    }
}

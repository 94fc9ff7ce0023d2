package hw.sample;

import hw.model.GPT;
import hw.tensor.Tensor;
import java.util.Arrays;

/**
 * The straightforward sampler: for every new token it runs the whole model on the context so far, cropped to the
 * last blockSize tokens, and keeps only the last position's logits. Reading a context of n tokens costs n
 * tokens' worth of work (and n² in attention) per new token, almost all of it recomputing what the previous step
 * already computed; {@link CachedSampler} avoids that.
 */
public class NaiveSampler extends AbstractSampler {

    @Override
    protected int[] extend(GPT model, int[] prompt, int newTokens, NextToken next) {
        int[] tokens = Arrays.copyOf(prompt, prompt.length + newTokens);
        for (int length = prompt.length; length < tokens.length; length++) {
            Tensor logits = model.forward(window(tokens, length, model.blockSize())); // [1, n, V]
            tokens[length] = next.afterLast(logits);
        }
        return tokens;
    }
}

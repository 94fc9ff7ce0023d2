package hw.sample;

import hw.model.GPT;

/** Continues a sequence of token ids with a GPT, one token at a time. */
public interface Sampler {

    /**
     * The prompt followed by {@code newTokens} sampled tokens. The same model, prompt, count and options give the
     * same tokens every time, whichever implementation draws them.
     *
     * @param prompt at least one token id, each in [0, vocabSize); it may be longer than the model's blockSize
     *               (the model then reads its last blockSize tokens)
     */
    int[] generate(GPT model, int[] prompt, int newTokens, SamplingOptions options);
}

package hw.testkit;

import hw.model.GPT;
import hw.model.GPTConfig;
import hw.tensor.Tensor;
import java.util.Random;

/**
 * Small GPTs for tests of caching and sampling, fixed by a seed. GPT-2's initialisation (std 0.02) makes every
 * next-token distribution almost uniform, so that a wrong cache would change few sampled tokens; these models get
 * extra noise of std 0.4 on every parameter, which makes the logits depend strongly on the tokens and their
 * positions.
 */
public final class TinyGpt {
    private TinyGpt() {
    }

    public static GPT random(long seed, int vocab, int blockSize, int layers, int heads, int embd, double dropout,
            boolean tied) {
        // Without GPT-2's initialisation (Problem 4.4): the noise below makes the weights random enough.
        GPT gpt = new GPT(new GPTConfig(vocab, blockSize, layers, heads, embd, dropout, true, tied, seed), false);
        Random random = new Random(seed * 31 + 7);
        for (Tensor p : gpt.parameters()) {
            p.data().addi(Values.normal(random, 0.4, p.shape()));
        }
        return gpt;
    }

    /** A description for failure messages. */
    public static String describe(GPT gpt) {
        GPTConfig c = gpt.config();
        return "GPT(V = " + c.vocabSize() + ", blockSize = " + c.blockSize() + ", " + c.nLayer() + " layers, "
                + c.nHead() + " heads, C = " + c.nEmbd() + (c.tieWeights() ? ", tied" : "") + ")";
    }
}

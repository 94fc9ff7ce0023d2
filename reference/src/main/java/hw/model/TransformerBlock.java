package hw.model;

import hw.nn.LayerNorm;
import hw.nn.Module;
import hw.tensor.Tensor;
import java.util.Random;

/**
 * One pre-LN transformer block (GPT-2's): each sub-layer reads a normalised copy of the residual stream and adds
 * its result back to the stream, which itself is never normalised. Causal attention, then the feed-forward
 * network.
 */
public class TransformerBlock extends Module {
    private final LayerNorm ln1;
    private final MultiHeadAttention attention;
    private final LayerNorm ln2;
    private final FeedForward feedForward;

    public TransformerBlock(int nEmbd, int nHead, double dropout, boolean bias, Random rng) {
        this(nEmbd, nHead, dropout, bias, Integer.MAX_VALUE, rng);
    }

    /** @param maxSeqLen the attention's KV cache capacity (see {@link MultiHeadAttention#maxSeqLen()}) */
    public TransformerBlock(int nEmbd, int nHead, double dropout, boolean bias, int maxSeqLen, Random rng) {
        this.ln1 = registerModule("ln1", new LayerNorm(nEmbd));
        this.attention = registerModule("attention",
                new MultiHeadAttention(nEmbd, nHead, true, dropout, bias, maxSeqLen, rng));
        this.ln2 = registerModule("ln2", new LayerNorm(nEmbd));
        this.feedForward = registerModule("feedForward", new FeedForward(nEmbd, dropout, bias, rng));
    }

    public LayerNorm ln1() {
        return ln1;
    }

    public MultiHeadAttention attention() {
        return attention;
    }

    public LayerNorm ln2() {
        return ln2;
    }

    public FeedForward feedForward() {
        return feedForward;
    }

    /** x [B, T, C] → [B, T, C], without the KV cache. */
    public Tensor forward(Tensor x) {
        return forward(x, false);
    }

    /**
     * Problem 4.3 — x [B, T, C] → [B, T, C], pre-LN:
     *
     * <pre>
     *     x = x + attention(ln1(x))
     *     x = x + feedForward(ln2(x))
     * </pre>
     *
     * (Post-LN, the original Transformer's x = ln(x + sublayer(x)), is a different network.) Pass
     * {@code useKvCache} on to the attention, with the default mask ({@code null}): Problem 7's sampler
     * reads through the cache; without it the flag is false.
     *
     * <p>Needs Problems 3.3, 4.1 and 4.2 first: it is built from them.
     */
    public Tensor forward(Tensor x, boolean useKvCache) {
        // BEGIN SOLUTION Problem 4.3 (TransformerBlock.forward)
        Tensor afterAttention = x.add(attention.forward(ln1.forward(x), null, useKvCache));
        return afterAttention.add(feedForward.forward(ln2.forward(afterAttention)));
        // END SOLUTION
    }
}

package hw.model;

import hw.nn.Dropout;
import hw.nn.Functions;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.GradMode;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head self-attention over a batch of sequences x [B, T, C]:
 *
 * <ol>
 *   <li>project x to queries, keys and values, each [B, T, C];</li>
 *   <li>split C into nHead heads of size D = C / nHead: [B, nHead, T, D];</li>
 *   <li>per head, scores = Q·Kᵀ / √D, [B, nHead, T, T] (query by key);</li>
 *   <li>when causal, position t may not look at keys after t: those scores become −∞;</li>
 *   <li>softmax over the keys (the last axis), then dropout on those weights;</li>
 *   <li>weights · V, [B, nHead, T, D]; merge the heads back to [B, T, C];</li>
 *   <li>the output projection, then dropout.</li>
 * </ol>
 *
 * <p><b>KV cache</b> (for sampling, Problem 7). Generating text one token at a time, a causal model would
 * recompute the keys and values of every earlier token at every step, although they never change. With
 * {@code forward(x, null, true)} the layer instead keeps the keys and values it has computed, and the queries of
 * the new tokens x [B, T_new, C] attend over all cached keys followed by the new ones: new token i sits at
 * position cached + i. The cache holds at most {@link #maxSeqLen()} positions; appending past that is an error
 * (the caller clears it with {@link #clearCache()} and starts again). Caching is for inference only: using it
 * while gradients are enabled is an error, since a backward pass would have to reach into tensors kept from
 * earlier calls.
 */
public class MultiHeadAttention extends Module {
    private final int nEmbd;
    private final int nHead;
    private final boolean causal;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final Dropout attentionDropout;
    private final Dropout outputDropout;
    private final int maxSeqLen;
    /** The cached keys and values, [B, cached, C] each, oldest position first; {@code null} when empty. */
    protected Tensor cachedKeys;
    protected Tensor cachedValues;

    /**
     * @param nEmbd   C, the width of the input and output
     * @param nHead   the number of heads; must divide C
     * @param causal  mask out the future (a language model's attention)
     * @param dropout the dropout probability on the attention weights and on the output
     * @param bias    whether the four projections have biases
     * @param rng     for the initial weights and the dropout seeds
     */
    public MultiHeadAttention(int nEmbd, int nHead, boolean causal, double dropout, boolean bias, Random rng) {
        this(nEmbd, nHead, causal, dropout, bias, Integer.MAX_VALUE, rng);
    }

    /**
     * @param maxSeqLen the KV cache's capacity: the most positions it may hold (a GPT passes its blockSize)
     * @see #MultiHeadAttention(int, int, boolean, double, boolean, Random)
     */
    public MultiHeadAttention(int nEmbd, int nHead, boolean causal, double dropout, boolean bias, int maxSeqLen,
            Random rng) {
        if (nEmbd <= 0 || nHead <= 0 || nEmbd % nHead != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: nHead = " + nHead + " must divide nEmbd = "
                    + nEmbd);
        }
        if (maxSeqLen <= 0) {
            throw new IllegalArgumentException("MultiHeadAttention: maxSeqLen must be positive, got " + maxSeqLen);
        }
        this.maxSeqLen = maxSeqLen;
        this.nEmbd = nEmbd;
        this.nHead = nHead;
        this.causal = causal;
        this.query = registerModule("query", new Linear(nEmbd, nEmbd, bias, rng));
        this.key = registerModule("key", new Linear(nEmbd, nEmbd, bias, rng));
        this.value = registerModule("value", new Linear(nEmbd, nEmbd, bias, rng));
        this.output = registerModule("output", new Linear(nEmbd, nEmbd, bias, rng));
        this.attentionDropout = registerModule("attentionDropout", new Dropout(dropout, rng.nextLong()));
        this.outputDropout = registerModule("outputDropout", new Dropout(dropout, rng.nextLong()));
    }

    public int nEmbd() {
        return nEmbd;
    }

    public int nHead() {
        return nHead;
    }

    /** D = C / nHead, the width of one head. */
    public int headSize() {
        return nEmbd / nHead;
    }

    public boolean isCausal() {
        return causal;
    }

    /** The most positions the KV cache may hold ({@link Integer#MAX_VALUE} when built without a limit). */
    public int maxSeqLen() {
        return maxSeqLen;
    }

    /** The number of positions in the KV cache (0 when empty); never more than {@link #maxSeqLen()}. */
    public int cachedLength() {
        return cachedKeys == null ? 0 : Math.toIntExact(cachedKeys.size(1));
    }

    /** The output projection [C, C]: a residual branch's last layer (GPT-2 initialises it smaller). */
    public Linear outputProjection() {
        return output;
    }

    /**
     * Sets the query, key and value projections: y = x·W + b with each W [C, C] (input by rows) and b [C] (pass
     * null biases when built without them). Head h uses columns h·D … h·D + D − 1 of each. This is how tests and
     * checkpoints from elsewhere load weights; if you store the projections differently (one fused [C, 3C]
     * matrix, per-head matrices), keep this method loading the equivalent weights into your layout.
     */
    public void loadQueryKeyValue(INDArray wq, INDArray wk, INDArray wv, INDArray bq, INDArray bk, INDArray bv) {
        copy("query", query, wq, bq);
        copy("key", key, wk, bk);
        copy("value", value, wv, bv);
    }

    private void copy(String what, Linear layer, INDArray w, INDArray b) {
        if (!Arrays.equals(w.shape(), layer.weight().shape())) {
            throw new IllegalArgumentException("loadQueryKeyValue: the " + what + " weight has shape "
                    + Shapes.show(w.shape()) + ", expected " + Shapes.show(layer.weight().shape()));
        }
        if ((b == null) != (layer.bias() == null)) {
            throw new IllegalArgumentException("loadQueryKeyValue: " + (b == null ? "no " + what + " bias given,"
                    + " but the layer has one" : "a " + what + " bias given, but the layer has none"));
        }
        layer.weight().data().assign(w);
        if (b != null) {
            if (!Arrays.equals(b.shape(), layer.bias().shape())) {
                throw new IllegalArgumentException("loadQueryKeyValue: the " + what + " bias has shape "
                        + Shapes.show(b.shape()) + ", expected " + Shapes.show(layer.bias().shape()));
            }
            layer.bias().data().assign(b);
        }
    }

    /** x [B, T, C] → [B, T, C], with the layer's default mask and no cache. */
    public Tensor forward(Tensor x) {
        return forward(x, null, false);
    }

    /**
     * x [B, T_new, C] → [B, T_new, C].
     *
     * @param x          the new positions
     * @param mask       which keys each query may not see, or {@code null} for the default: the causal mask when
     *                   the layer {@link #isCausal() is causal} (with the cache, new token i sees every cached key
     *                   and the new keys up to its own position), nothing otherwise. A given mask replaces the
     *                   default: an array that broadcasts to [B, nHead, T_new, T_keys], T_keys being the number
     *                   of keys (cached + T_new with the cache, T_new without), non-zero where query i may NOT
     *                   attend to key j (as in {@link Tensor#maskedFill}). Leave every query at least one key: a
     *                   fully masked row has no softmax.
     * @param useKvCache append this call's keys and values to the cache and attend over all of them; needs
     *                   gradients disabled ({@link hw.tensor.GradMode#disabled()})
     */
    public Tensor forward(Tensor x, INDArray mask, boolean useKvCache) {
        if (x.rank() != 3 || x.size(2) != nEmbd) {
            throw new IllegalArgumentException("MultiHeadAttention: needs input [B, T, " + nEmbd + "], got "
                    + Shapes.show(x.shape()));
        }
        long batch = x.size(0), time = x.size(1);
        long keys = time;
        if (useKvCache) {
            checkCacheUse(batch, time);
            keys += cachedLength();
        }
        if (mask != null) {
            checkMask(mask, time, keys);
        }
        Tensor q = query.forward(x); // [B, T, C]
        Tensor k = key.forward(x);   // [B, T, C]
        Tensor v = value.forward(x); // [B, T, C]
        Tensor y = useKvCache ? attendWithCache(q, k, v, mask) // [B, T, C]
                : mask == null ? attend(q, k, v) : attend(q, k, v, mask);
        return outputDropout.forward(output.forward(y));
    }

    private void checkCacheUse(long batch, long time) {
        if (GradMode.isEnabled()) {
            throw new IllegalStateException("MultiHeadAttention: the KV cache is for inference only; run with"
                    + " gradients disabled (try (var s = GradMode.disabled()) { ... })");
        }
        if (cachedKeys != null && cachedKeys.size(0) != batch) {
            throw new IllegalStateException("MultiHeadAttention: the KV cache holds " + cachedKeys.size(0)
                    + " sequences but the input has " + batch + "; clearCache() before starting another batch");
        }
    }

    private static void checkMask(INDArray mask, long queries, long keys) {
        long[] s = mask.shape();
        if (s.length < 2 || s.length > 4 || s[s.length - 2] != queries || s[s.length - 1] != keys) {
            throw new IllegalArgumentException("MultiHeadAttention: the mask has shape " + Shapes.show(s)
                    + "; it must end in [" + queries + ", " + keys + "] (queries by keys) and broadcast to [B, nHead, "
                    + queries + ", " + keys + "]");
        }
    }

    /**
     * The mask used when none is given, for queries that are the last of the keys' positions:
     * {@link #futureMask(long, long)} for a causal layer, none otherwise (nor for a single query, which has no
     * key in its future).
     */
    protected INDArray defaultMask(long queries, long keys) {
        return causal && queries > 1 ? futureMask(queries, keys) : null;
    }

    /** The attention core with this layer's default mask (keys and values as long as the queries). */
    protected Tensor attend(Tensor q, Tensor k, Tensor v) {
        return attend(q, k, v, defaultMask(q.size(1), k.size(1)));
    }

    /**
     * Problem 4.1 — the attention core, steps 2 to 6 of the class comment: from queries [B, T_q, C] and keys and
     * values [B, T_k, C] to the merged heads [B, T_q, C]. Without a cache T_k = T_q; with one (Problem 7) the
     * keys and values also hold earlier positions, so T_k ≥ T_q: split them with their own length.
     *
     * <ul>
     *   <li>Split heads with a reshape to [B, T, nHead, D] and a permute to [B, nHead, T, D]. A reshape straight
     *       to [B, nHead, T, D] is wrong: it mixes positions and channels.</li>
     *   <li>Scale the scores [B, nHead, T_q, T_k] by 1/√D, D the head size (not C).</li>
     *   <li>Where {@code mask} is non-zero (query i may not see key j) the score becomes −∞ before the softmax:
     *       {@link Tensor#maskedFill}. A null mask hides nothing. A causal layer gets {@link #futureMask}
     *       here: the keys after each query.</li>
     *   <li>Softmax over the keys ({@link Functions#softmax} on the last axis: each query's weights sum to 1);
     *       then {@code attentionDropout} on those weights.</li>
     *   <li>Merge: permute back to [B, T_q, nHead, D], reshape to [B, T_q, C].</li>
     * </ul>
     * {@link Tensor#matmul} multiplies [B, nHead, T_q, D] by [B, nHead, D, T_k] head by head.
     *
     * <p>Needs Problems 3.1 and 3.2 first: the tests run attention through {@link #forward}, whose projections are your
     * {@code Linear} layers and whose attention dropout is your {@code Dropout} (and their gradient tests your
     * backpropagation).
     */
    protected Tensor attend(Tensor q, Tensor k, Tensor v, INDArray mask) {
        long batch = q.size(0), queries = q.size(1), keys = k.size(1);
        // TODO Problem 4.1 (MultiHeadAttention.attend): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 4.1 (MultiHeadAttention.attend)");
    }

    /**
     * Problem 7.1 — attention with the KV cache: the new positions' queries, keys and values [B, T_new, C] →
     * the merged heads [B, T_new, C], as {@link #attend(Tensor, Tensor, Tensor, INDArray)} gives them.
     *
     * <ul>
     *   <li>Append k and v after the cached keys and values ({@link Tensor#concat} along the time axis, 1) and
     *       keep the results in {@link #cachedKeys} and {@link #cachedValues} ({@link #cachedLength()} reads
     *       them); an empty cache is {@code null}.</li>
     *   <li>The bound: if the cache would then hold more than {@link #maxSeqLen()} positions, throw an
     *       {@link IllegalStateException} saying how many it holds, how many were added and the limit — and
     *       leave the cache as it was.</li>
     *   <li>Attend the queries over all the keys and values, cached ones first. A given {@code mask} is used
     *       as it is; without one, a causal layer must hide from new token i (position cached + i) the keys
     *       after that position — {@link #futureMask(long, long)} — and a non-causal one hides nothing.
     *       Careful: with a single new token no key is in its future, but a prefill of several tokens at
     *       once needs the mask.</li>
     * </ul>
     * Gradients are disabled here (the caller checked), so the cached tensors hold no graph.
     *
     * <p>Needs Problem 4.1 first: the cached keys and values go through {@link #attend}.
     */
    protected Tensor attendWithCache(Tensor q, Tensor k, Tensor v, INDArray mask) {
        // TODO Problem 7.1 (MultiHeadAttention.attendWithCache): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 7.1 (MultiHeadAttention.attendWithCache)");
    }

    /** Problem 7.1 — empties the KV cache: afterwards {@link #cachedLength()} is 0 and nothing earlier is seen. */
    public void clearCache() {
        // TODO Problem 7.1 (MultiHeadAttention.clearCache): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 7.1 (MultiHeadAttention.clearCache)");
    }

    /** [T, T] with 1 where the key comes after the query (column &gt; row), 0 elsewhere. */
    protected static INDArray futureMask(long time) {
        return futureMask(time, time);
    }

    /**
     * [T_q, T_k] with 1 where the key comes after the query, 0 elsewhere, for queries that are the LAST T_q of the
     * T_k positions (as with a KV cache holding T_k − T_q earlier ones): query i is at position T_k − T_q + i and
     * may not see key j when j &gt; T_k − T_q + i.
     */
    protected static INDArray futureMask(long queries, long keys) {
        if (queries > keys) {
            throw new IllegalArgumentException("futureMask: " + queries + " queries cannot be the last of " + keys
                    + " positions");
        }
        int tq = Math.toIntExact(queries), tk = Math.toIntExact(keys);
        int offset = tk - tq;
        double[] mask = new double[tq * tk];
        for (int row = 0; row < tq; row++) {
            for (int col = offset + row + 1; col < tk; col++) {
                mask[row * tk + col] = 1.0;
            }
        }
        return Nd4j.create(mask, new long[] {tq, tk}, DataType.DOUBLE);
    }
}

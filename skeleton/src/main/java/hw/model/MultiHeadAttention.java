package hw.model;

import hw.nn.Dropout;
import hw.nn.Functions;
import hw.nn.Linear;
import hw.nn.Module;
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

    /**
     * @param nEmbd   C, the width of the input and output
     * @param nHead   the number of heads; must divide C
     * @param causal  mask out the future (a language model's attention)
     * @param dropout the dropout probability on the attention weights and on the output
     * @param bias    whether the four projections have biases
     * @param rng     for the initial weights and the dropout seeds
     */
    public MultiHeadAttention(int nEmbd, int nHead, boolean causal, double dropout, boolean bias, Random rng) {
        if (nEmbd <= 0 || nHead <= 0 || nEmbd % nHead != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: nHead = " + nHead + " must divide nEmbd = "
                    + nEmbd);
        }
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

    /** x [B, T, C] → [B, T, C]. */
    public Tensor forward(Tensor x) {
        if (x.rank() != 3 || x.size(2) != nEmbd) {
            throw new IllegalArgumentException("MultiHeadAttention: needs input [B, T, " + nEmbd + "], got "
                    + Shapes.show(x.shape()));
        }
        Tensor q = query.forward(x); // [B, T, C]
        Tensor k = key.forward(x);   // [B, T, C]
        Tensor v = value.forward(x); // [B, T, C]
        Tensor y = attend(q, k, v);  // [B, T, C]
        return outputDropout.forward(output.forward(y));
    }

    /**
     * Problem 4.1 — the attention core, steps 2 to 6 of the class comment: from queries, keys and values
     * [B, T, C] to the merged heads [B, T, C].
     *
     * <ul>
     *   <li>Split heads with a reshape to [B, T, nHead, D] and a permute to [B, nHead, T, D]. A reshape straight
     *       to [B, nHead, T, D] is wrong: it mixes positions and channels.</li>
     *   <li>Scale the scores by 1/√D, D the head size (not C).</li>
     *   <li>When {@link #isCausal()}, fill the scores of keys after the query (column &gt; row) with −∞
     *       before the softmax: {@link Tensor#maskedFill} with {@link #futureMask}.</li>
     *   <li>Softmax over the keys ({@link Functions#softmax} on the last axis: each query's weights sum to 1);
     *       then {@code attentionDropout} on those weights.</li>
     *   <li>Merge: permute back to [B, T, nHead, D], reshape to [B, T, C].</li>
     * </ul>
     * {@link Tensor#matmul} multiplies [B, nHead, T, D] by [B, nHead, D, T] head by head.
     */
    protected Tensor attend(Tensor q, Tensor k, Tensor v) {
        long batch = q.size(0), time = q.size(1);
        // TODO Problem 4.1 (MultiHeadAttention.attend): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 4.1 (MultiHeadAttention.attend)");
    }

    /** [T, T] with 1 where the key comes after the query (column &gt; row), 0 elsewhere. */
    protected static INDArray futureMask(long time) {
        int t = Math.toIntExact(time);
        double[] mask = new double[t * t];
        for (int row = 0; row < t; row++) {
            for (int col = row + 1; col < t; col++) {
                mask[row * t + col] = 1.0;
            }
        }
        return Nd4j.create(mask, new long[] {t, t}, DataType.DOUBLE);
    }
}

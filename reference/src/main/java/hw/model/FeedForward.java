package hw.model;

import hw.nn.Dropout;
import hw.nn.Functions;
import hw.nn.Linear;
import hw.nn.Module;
import hw.tensor.Tensor;
import java.util.Random;

/**
 * The position-wise feed-forward network of a transformer block: widen each vector from C to a hidden width
 * (4·C by default), apply GELU, project back to C, then dropout. [..., C] → [..., C].
 */
public class FeedForward extends Module {
    private final Linear up;
    private final Linear down;
    private final Dropout dropout;

    /**
     * @param nEmbd   C, the input and output width
     * @param hidden  the hidden width
     * @param dropout the dropout probability on the output
     * @param bias    whether the two Linear layers have biases
     * @param rng     for the initial weights and the dropout seed
     */
    public FeedForward(int nEmbd, int hidden, double dropout, boolean bias, Random rng) {
        this.up = registerModule("up", new Linear(nEmbd, hidden, bias, rng));
        this.down = registerModule("down", new Linear(hidden, nEmbd, bias, rng));
        this.dropout = registerModule("dropout", new Dropout(dropout, rng.nextLong()));
    }

    /** A feed-forward network of hidden width 4·nEmbd, GPT-2's. */
    public FeedForward(int nEmbd, double dropout, boolean bias, Random rng) {
        this(nEmbd, 4 * nEmbd, dropout, bias, rng);
    }

    /** The widening layer, [C, hidden]. */
    public Linear up() {
        return up;
    }

    /** The projection back to C, [hidden, C]: a residual branch's last layer (GPT-2 initialises it smaller). */
    public Linear down() {
        return down;
    }

    public long hiddenSize() {
        return up.outFeatures();
    }

    /**
     * Problem 4.2 — x [..., C] → dropout(down(gelu(up(x)))) [..., C].
     *
     * <p>Needs Problems 2.1, 3.1 and 3.2 first: it is built from them.
     */
    public Tensor forward(Tensor x) {
        // BEGIN SOLUTION Problem 4.2 (FeedForward.forward)
        Tensor hidden = Functions.gelu(up.forward(x)); // [..., hidden]
        return dropout.forward(down.forward(hidden));  // [..., C]
        // END SOLUTION
    }
}

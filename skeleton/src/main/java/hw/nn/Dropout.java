package hw.nn;

import hw.tensor.Precision;
import hw.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: in training mode each element is zeroed with probability p and the survivors are scaled
 * by 1/(1 − p), so the expected output equals the input and evaluation needs no rescaling. In evaluation mode
 * ({@link Module#eval()}), and whenever p = 0, it is the identity. Masks come from a random generator seeded at
 * construction, so a run repeats exactly.
 */
public class Dropout extends Module {
    private final double p;
    private final org.nd4j.linalg.api.rng.Random rng;

    /** @param p the probability of zeroing an element, in [0, 1) */
    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    /**
     * The random generator's position, to save in a checkpoint: restoring it with {@link #setRandomState} makes
     * the following masks exactly those this module would have drawn next.
     */
    public long[] randomState() {
        return new long[] {rng.rootState(), rng.nodeState()};
    }

    /** Moves the random generator to a position returned by {@link #randomState()}. */
    public void setRandomState(long[] state) {
        if (state == null || state.length != 2) {
            throw new IllegalArgumentException("Dropout.setRandomState: expected the two numbers randomState()"
                    + " returns, got " + (state == null ? "null" : state.length + " numbers"));
        }
        rng.setStates(state[0], state[1]);
    }

    /** A fresh array of the given shape holding 1 with probability 1 − p and 0 otherwise. */
    protected INDArray keepMask(long... shape) {
        INDArray mask = Nd4j.createUninitialized(Precision.current(), shape);
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1.0 - p), rng);
        return mask;
    }

    /**
     * Problem 3.2 — the forward pass. In training mode with p &gt; 0: draw a {@link #keepMask} of x's shape and
     * return x · mask / (1 − p) (the mask is a constant; the gradient flows through the kept elements, scaled
     * the same way). Otherwise return x unchanged.
     *
     * <p>Needs Problems 1.3 and 1.4 first for its gradient tests, which run your backpropagation; its other tests need
     * nothing else.
     */
    public Tensor forward(Tensor x) {
        // TODO Problem 3.2 (Dropout.forward): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 3.2 (Dropout.forward)");
    }
}

package hw.nn;

import hw.tensor.Precision;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An affine map of the last axis: y = x·W + b, with W of shape [in, out] (inputs by rows, so no transpose is
 * needed) and b of shape [out]. Works on any leading axes: [..., in] → [..., out].
 *
 * <p>Initialisation (PyTorch's default for nn.Linear): W and b uniform in [−1/√in, 1/√in], from the given
 * {@link Random}. A model may re-initialise them (GPT does, see {@link Init}).
 */
public class Linear extends Module {
    private final long in;
    private final long out;
    private final Tensor weight; // [in, out]
    private final Tensor bias;   // [out], or null

    public Linear(long in, long out, boolean bias, Random rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got in = " + in + ", out = " + out);
        }
        this.in = in;
        this.out = out;
        double bound = 1.0 / Math.sqrt(in);
        this.weight = registerParameter("weight", Tensor.param(Nd4j.zeros(Precision.current(), in, out)));
        Init.uniform(weight, bound, rng);
        if (bias) {
            this.bias = registerParameter("bias", Tensor.param(Nd4j.zeros(Precision.current(), out)));
            Init.uniform(this.bias, bound, rng);
        } else {
            this.bias = null;
        }
    }

    /** A Linear with a bias. */
    public Linear(long in, long out, Random rng) {
        this(in, out, true, rng);
    }

    /** W, of shape [in, out]. */
    public Tensor weight() {
        return weight;
    }

    /** b, of shape [out], or {@code null} when built without a bias. */
    public Tensor bias() {
        return bias;
    }

    public long inFeatures() {
        return in;
    }

    public long outFeatures() {
        return out;
    }

    /**
     * Problem 3.1 — the forward pass: x [..., in] → x·W + b [..., out] (no bias term when there is none).
     * {@link Tensor#matmul} applies a [in, out] matrix to every row of a [..., in] input, and {@code add}
     * broadcasts b over the rows.
     *
     * <p>Needs Problems 1.3 and 1.4 first for its gradient tests, which run your backpropagation.
     */
    public Tensor forward(Tensor x) {
        if (x.rank() < 1 || x.size(-1) != in) {
            throw new IllegalArgumentException("Linear(" + in + " → " + out + "): input of shape "
                    + Shapes.show(x.shape()) + " does not end in " + in);
        }
        // BEGIN SOLUTION Problem 3.1 (Linear.forward)
        Tensor y = x.rank() == 1 ? x.reshape(1, in).matmul(weight).reshape(out) : x.matmul(weight); // [..., out]
        return bias == null ? y : y.add(bias);
        // END SOLUTION
    }
}

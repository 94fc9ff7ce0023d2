package hw.nn;

import hw.tensor.Precision;
import hw.tensor.Shapes;
import hw.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layer normalisation over the last axis: each vector x of size C becomes
 *
 * <pre>
 *     y = (x − mean(x)) / sqrt(var(x) + eps) · weight + bias
 * </pre>
 *
 * with the biased variance var(x) = mean((x − mean(x))²) (divide by C, not C − 1) and eps inside the square
 * root, as in PyTorch's nn.LayerNorm. weight (the scale) starts at 1 and bias (the shift) at 0; both have
 * shape [C] and are learned.
 */
public class LayerNorm extends Module {
    /** The default eps, PyTorch's. */
    public static final double DEFAULT_EPS = 1e-5;

    private final long size;
    private final double eps;
    private final Tensor weight; // [C]
    private final Tensor bias;   // [C]

    public LayerNorm(long size, double eps) {
        if (size <= 0 || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: needs size > 0 and eps > 0, got " + size + ", " + eps);
        }
        this.size = size;
        this.eps = eps;
        this.weight = registerParameter("weight", Tensor.param(Nd4j.ones(Precision.current(), size)));
        this.bias = registerParameter("bias", Tensor.param(Nd4j.zeros(Precision.current(), size)));
    }

    public LayerNorm(long size) {
        this(size, DEFAULT_EPS);
    }

    /** The scale, [C]. */
    public Tensor weight() {
        return weight;
    }

    /** The shift, [C]. */
    public Tensor bias() {
        return bias;
    }

    public double eps() {
        return eps;
    }

    /**
     * Problem 3.3 — the forward pass: normalise every vector along the last axis of x [..., C] (see the class
     * comment for the formula), then scale and shift. Keep the reduced axis ({@code keepDim}) so the statistics
     * broadcast back over it.
     *
     * <p>Needs Problems 1.3 and 1.4 first for its gradient tests, which run your backpropagation; its other tests need
     * nothing else.
     */
    public Tensor forward(Tensor x) {
        if (x.rank() < 1 || x.size(-1) != size) {
            throw new IllegalArgumentException("LayerNorm(" + size + "): input of shape " + Shapes.show(x.shape())
                    + " does not end in " + size);
        }
        // TODO Problem 3.3 (LayerNorm.forward): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 3.3 (LayerNorm.forward)");
    }
}

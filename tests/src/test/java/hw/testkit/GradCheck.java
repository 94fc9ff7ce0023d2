package hw.testkit;

import grader.check.GradientCheck;
import hw.nn.Module;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient checks against central differences. A tensor-valued output is reduced to the scalar sum(out · W)
 * with fixed random weights W, so every output element takes part with its own weight.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Checks the gradient of {@code f} with respect to each of its inputs. */
    public static void function(String name, Function<Tensor[], Tensor> f, INDArray... inputs) {
        Tensor[] params = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            params[i] = Tensor.param(inputs[i].dup());
        }
        INDArray weights = backpropWeighted(f.apply(params));
        for (int k = 0; k < inputs.length; k++) {
            final int which = k;
            GradientCheck.of(name).assertGradient(inputs.length == 1 ? "x" : "input " + k, Expect.flat(inputs[k]),
                    inputs[k].shape(), v -> {
                        Tensor[] args = new Tensor[inputs.length];
                        for (int i = 0; i < inputs.length; i++) {
                            args[i] = Tensor.constant(i == which ? Nd4j.create(v, inputs[i].shape(), DataType.DOUBLE)
                                    : inputs[i]);
                        }
                        return evaluate(() -> f.apply(args), weights);
                    }, analytic(params[k]));
        }
    }

    /**
     * Checks the backward rule of one operation, {@code op} applied to a single input, against central
     * differences without running backpropagation (Problem 1.4): the gradient of sum(op(x) · W) comes from the
     * rule of the node op made, given dL/d(op(x)) = W (see {@link #throughRule}).
     */
    public static void rule(String name, Function<Tensor, Tensor> op, INDArray input) {
        Tensor x = Tensor.param(input.dup());
        Tensor y = op.apply(x);
        INDArray weights = weightsLike(y);
        INDArray analytic = throughRule(x, y, weights);
        GradientCheck.of(name).assertGradient("x", Expect.flat(input), input.shape(),
                v -> evaluate(() -> op.apply(Tensor.constant(Nd4j.create(v, input.shape(), DataType.DOUBLE))),
                        weights), analytic == null ? null : Expect.flat(analytic));
    }

    /**
     * dL/dx given dL/dy, for y computed from x: the rule of y's node when y is one operation on x alone, so
     * that the test needs no backpropagation; otherwise (y built from several operations) y.backward, which
     * needs Problems 1.3 and 1.4. Null when x gets no gradient.
     */
    public static INDArray throughRule(Tensor x, Tensor y, INDArray gradOutput) {
        if (!y.isLeaf() && y.inputs().size() == 1 && y.inputs().get(0) == x) {
            return y.backwardRule().apply(gradOutput)[0];
        }
        x.zeroGrad();
        y.backward(gradOutput);
        return x.grad();
    }

    /** d sum(y) / dx through {@link #throughRule}, as plain values; null when x gets no gradient. */
    public static double[] gradientOfSum(Tensor x, Tensor y) {
        INDArray grad = throughRule(x, y, Nd4j.onesLike(y.data()));
        return grad == null ? null : grad.toDoubleVector();
    }

    /**
     * Checks the gradients of a module's output with respect to its input (when {@code input} is not null) and
     * to every parameter. {@code forward} must be deterministic (no dropout).
     */
    public static void module(String name, Module module, Function<Tensor, Tensor> forward, INDArray input) {
        module.zeroGrad();
        Tensor x = input == null ? null : Tensor.param(input.dup());
        INDArray weights = backpropWeighted(forward.apply(x));
        Tensor constantInput = input == null ? null : Tensor.constant(input);
        if (input != null) {
            GradientCheck.of(name).assertGradient("the input", Expect.flat(input), input.shape(),
                    v -> evaluate(() -> forward.apply(Tensor.constant(Nd4j.create(v, input.shape(), DataType.DOUBLE))),
                            weights), analytic(x));
        }
        for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            INDArray original = p.data().dup();
            try {
                GradientCheck.of(name).assertGradient("parameter " + e.getKey(), Expect.flat(original), p.shape(),
                        v -> {
                            p.data().assign(Nd4j.create(v, p.shape(), DataType.DOUBLE));
                            return evaluate(() -> forward.apply(constantInput), weights);
                        }, analytic(p));
            } finally {
                p.data().assign(original);
            }
        }
    }

    private static INDArray backpropWeighted(Tensor out) {
        INDArray weights = weightsLike(out);
        out.mul(Tensor.constant(weights)).sum().backward();
        return weights;
    }

    /** Fixed random weights in [0.5, 1.5) of out's shape. */
    private static INDArray weightsLike(Tensor out) {
        int n = (int) out.data().length();
        double[] w = new Random(n).doubles(n, 0.5, 1.5).toArray();
        return out.rank() == 0 ? Nd4j.scalar(w[0]) : Nd4j.create(w, out.shape(), DataType.DOUBLE);
    }

    private static double evaluate(java.util.function.Supplier<Tensor> f, INDArray weights) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return f.get().data().mul(weights).sumNumber().doubleValue();
        }
    }

    private static double[] analytic(Tensor t) {
        return t.grad() == null ? null : Expect.flat(t.grad());
    }
}

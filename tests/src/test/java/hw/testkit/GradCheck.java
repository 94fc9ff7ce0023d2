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
        int n = (int) out.data().length();
        double[] w = new Random(n).doubles(n, 0.5, 1.5).toArray();
        INDArray weights = out.rank() == 0 ? Nd4j.scalar(w[0]) : Nd4j.create(w, out.shape(), DataType.DOUBLE);
        out.mul(Tensor.constant(weights)).sum().backward();
        return weights;
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

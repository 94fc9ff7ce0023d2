package hw.tensor;

import grader.check.GradientCheck;
import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks the gradients that backpropagation gives against central differences, for every input of a function
 * of tensors. A function with a tensor output is reduced to the scalar sum(f(inputs) * W) with fixed random
 * weights W, so every output element takes part.
 */
final class Gradients {
    private Gradients() {
    }

    static void check(String function, Function<Tensor[], Tensor> f, INDArray... inputs) {
        Tensor[] params = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            params[i] = Tensor.param(inputs[i].dup());
        }
        Tensor out = f.apply(params);
        int n = (int) out.data().length();
        double[] w = new Random(n).doubles(n, 0.5, 1.5).toArray();
        INDArray weights = out.rank() == 0 ? Nd4j.scalar(w[0]) : Nd4j.create(w, out.shape(), DataType.DOUBLE);
        out.mul(Tensor.constant(weights)).sum().backward();

        for (int k = 0; k < inputs.length; k++) {
            final int which = k;
            long[] shape = inputs[k].shape();
            double[] x = inputs[k].dup('c').reshape(inputs[k].length()).toDoubleVector();
            INDArray grad = params[k].grad();
            double[] analytic = grad == null ? null : grad.dup('c').reshape(grad.length()).toDoubleVector();
            GradientCheck.of(function).assertGradient(inputs.length == 1 ? "x" : "input " + k, x, shape, v -> {
                Tensor[] args = new Tensor[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    args[i] = Tensor.constant(i == which ? Nd4j.create(v, shape, DataType.DOUBLE) : inputs[i]);
                }
                try (GradMode.Scope ignored = GradMode.disabled()) {
                    return f.apply(args).data().mul(weights).sumNumber().doubleValue();
                }
            }, analytic);
        }
    }
}

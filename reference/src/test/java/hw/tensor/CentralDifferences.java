package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A gradient check for the unit tests of provided operations. */
public final class CentralDifferences {
    private CentralDifferences() {
    }

    /** Backpropagation against central differences of sum(f(inputs) · W), W fixed. */
    public static void assertGradient(Function<Tensor[], Tensor> f, INDArray... inputs) {
        Tensor[] params = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            params[i] = Tensor.param(inputs[i].dup());
        }
        Tensor out = f.apply(params);
        INDArray w = Nd4j.create(new Random(7).doubles(out.data().length(), 0.5, 1.5).toArray(), out.shape(),
                DataType.DOUBLE);
        out.mul(Tensor.constant(w)).sum().backward();
        double h = 1e-6;
        for (int k = 0; k < inputs.length; k++) {
            INDArray x = inputs[k].dup();
            INDArray grad = params[k].grad().dup('c').reshape(x.length());
            for (int i = 0; i < x.length(); i++) {
                double saved = x.getDouble(i);
                x.putScalar(i, saved + h);
                double plus = evaluate(f, inputs, k, x, w);
                x.putScalar(i, saved - h);
                double minus = evaluate(f, inputs, k, x, w);
                x.putScalar(i, saved);
                assertThat(grad.getDouble(i)).as("gradient of input %d at element %d", k, i)
                        .isCloseTo((plus - minus) / (2 * h), within(1e-6));
            }
        }
    }

    private static double evaluate(Function<Tensor[], Tensor> f, INDArray[] inputs, int which, INDArray x, INDArray w) {
        Tensor[] args = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            args[i] = Tensor.constant(i == which ? x : inputs[i]);
        }
        return f.apply(args).data().mul(w).sumNumber().doubleValue();
    }
}

package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("3.3")
@Label("Problem 3.3 LayerNorm.forward")
class LayerNormTest {
    private static final Fixture LAYER_NORM = Fixture.load("modules.json").at("layer_norm");
    private static final Map<String, String> MISTAKES = Map.of(
            "unbiased_variance", "the unbiased variance (dividing by C − 1); LayerNorm divides by C",
            "eps_outside_sqrt", "eps added outside the square root, (x − mean)/(sqrt(var) + eps); it belongs inside:"
                    + " (x − mean)/sqrt(var + eps)");

    @Example
    @Label("forward and backward match PyTorch's nn.LayerNorm (learned scale and shift, a row of tiny variance)")
    @Points(2)
    void knownAnswer() {
        LayerNorm norm = new LayerNorm(6);
        Values.set("LayerNorm.weight", norm.weight(), LAYER_NORM.array("weight"));
        Values.set("LayerNorm.bias", norm.bias(), LAYER_NORM.array("bias"));
        Tensor x = Tensor.param(LAYER_NORM.array("x"));
        Tensor y = norm.forward(x);
        Expect.closeOrDiagnose("LayerNorm(6).forward(x) for x [2, 3, 6]", LAYER_NORM, "y", y.data(), MISTAKES);
        Values.backward(y, LAYER_NORM.array("upstream"));
        Expect.close("dL/dx", LAYER_NORM.array("dx"), x.grad());
        Expect.close("dL/d weight", LAYER_NORM.array("dweight"), norm.weight().grad());
        Expect.close("dL/d bias", LAYER_NORM.array("dbias"), norm.bias().grad());
    }

    @Property(tries = 20, seed = "3301")
    @Label("each output vector has mean 0 and (biased) variance var/(var + eps) ≈ 1, for any scale and offset")
    @Points(1)
    void normalizes(@ForAll @IntRange(min = 1, max = 3) int rank, @ForAll @IntRange(min = 2, max = 16) int size,
            @ForAll @DoubleRange(min = 0.5, max = 10) double scale, @ForAll @DoubleRange(min = -50, max = 50) double offset,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 2);
        shape[rank - 1] = size;
        INDArray x = Values.normal(new Random(seed), scale, shape).add(offset);
        double[] y = new LayerNorm(size).forward(Tensor.constant(x)).toDoubleArray();
        double[] in = x.dup().reshape(x.length()).toDoubleVector();
        for (int row = 0; row < y.length / size; row++) {
            double mean = 0, inMean = 0;
            for (int c = 0; c < size; c++) {
                mean += y[row * size + c] / size;
                inMean += in[row * size + c] / size;
            }
            double var = 0, inVar = 0;
            for (int c = 0; c < size; c++) {
                var += Math.pow(y[row * size + c] - mean, 2) / size;
                inVar += Math.pow(in[row * size + c] - inMean, 2) / size;
            }
            assertThat(mean).as("mean of output vector %d (C = %d)", row, size).isCloseTo(0, within(1e-9));
            assertThat(var).as("variance (dividing by C) of output vector %d (C = %d): normalising by the biased"
                    + " variance with eps inside the square root gives exactly var/(var + eps); the unbiased variance"
                    + " would give about (C − 1)/C", row, size).isCloseTo(inVar / (inVar + 1e-5), within(1e-9));
        }
    }

    @Example
    @Label("eps goes inside the square root: a row of variance 1e-6 becomes x/sqrt(1e-6 + 1e-5)")
    @Points(1)
    void epsInsideTheSquareRoot() {
        double[] x = {1e-3, -1e-3, 1e-3, -1e-3};
        double[] y = new LayerNorm(4).forward(Tensor.of(x, 1, 4)).toDoubleArray();
        double expected = 1e-3 / Math.sqrt(1e-6 + 1e-5);
        for (int c = 0; c < 4; c++) {
            assertThat(y[c]).as("element %d of LayerNorm([1e-3, -1e-3, 1e-3, -1e-3]): expected ±%s = x/sqrt(var + eps);"
                    + " ±%s would mean eps is added after the square root", c, expected, 1e-3 / (1e-3 + 1e-5))
                    .isCloseTo(Math.signum(x[c]) * expected, within(1e-9));
        }
    }

    @Property(tries = 6, seed = "3302")
    @Label("backward matches central differences for the input, the scale and the shift")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 2, max = 6) int size, @ForAll boolean batched,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        LayerNorm norm = new LayerNorm(size);
        Values.set("weight", norm.weight(), Values.uniform(random, 0.5, 1.5, size));
        Values.set("bias", norm.bias(), Values.uniform(random, -0.5, 0.5, size));
        INDArray x = batched ? Values.normal(random, 1.0, 2, 3, size) : Values.normal(random, 1.0, 3, size);
        GradCheck.module("LayerNorm(" + size + ")", norm, norm::forward, x);
    }
}

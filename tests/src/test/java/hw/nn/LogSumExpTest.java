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
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("2.2")
@Label("Problem 2.2 Functions.logsumexp")
class LogSumExpTest {
    private static final Fixture FUNCTIONS = Fixture.load("functions.json");

    @Example
    @Label("forward and backward match PyTorch's torch.logsumexp (axis 1; axis 0 with keepDim)")
    @Points(2)
    void knownAnswer() {
        Fixture f = FUNCTIONS.at("logsumexp");
        Tensor x = Tensor.param(f.array("x"));
        Tensor y = Functions.logsumexp(x, 1, false);
        Expect.close("logsumexp(x, axis 1)", f.array("y"), y.data());
        Values.backward(y, f.array("upstream"));
        Expect.close("d logsumexp / dx (axis 1)", f.array("dx"), x.grad());
        Expect.close("logsumexp(x, axis 0, keepDim)", f.array("y_axis0_keepdim"),
                Functions.logsumexp(Tensor.constant(f.array("x")), 0, true).data());
    }

    @Example
    @Label("does not overflow: inputs around +1e4 and -1e4 give finite, exact answers (subtract the max first)")
    @Points(2)
    void largeInputs() {
        Fixture f = FUNCTIONS.at("logsumexp_large");
        Tensor x = Tensor.param(f.array("x"));
        Tensor y = Functions.logsumexp(x, -1, false);
        double[] got = y.toDoubleArray();
        for (double v : got) {
            assertThat(v).as("logsumexp of rows near ±1e4 is %s: exp(1e4) overflows to ∞ and exp(-1e4) underflows"
                    + " to 0 unless the row's maximum is subtracted before exp", java.util.Arrays.toString(got))
                    .isFinite();
        }
        Expect.close("logsumexp of rows near ±1e4", f.array("y"), y.data());
        Values.backward(y, f.array("upstream"));
        Expect.close("gradient of logsumexp at rows near ±1e4 (softmax of the row)", f.array("dx"), x.grad());
    }

    @Property(tries = 25, seed = "2201")
    @Label("shift invariance: logsumexp(x + c) = logsumexp(x) + c, also for |c| up to 1e4")
    @Points(1)
    void shiftInvariance(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double c, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        INDArray x = Values.uniform(new Random(seed), -3, 3, rows, cols);
        double[] base = Functions.logsumexp(Tensor.constant(x), 1, false).toDoubleArray();
        double[] shifted = Functions.logsumexp(Tensor.constant(x.add(c)), 1, false).toDoubleArray();
        for (int i = 0; i < rows; i++) {
            assertThat(shifted[i]).as("row %d: logsumexp(x + %s) vs logsumexp(x) + c", i, c)
                    .isCloseTo(base[i] + c, within(1e-9 * (1 + Math.abs(c))));
        }
    }

    @Property(tries = 25, seed = "2202")
    @Label("matches log(Σ exp(x)) along any axis, with and without keepDim, on ranks 1 to 3")
    @Points(1)
    void anyAxis(@ForAll @IntRange(min = 1, max = 3) int rank, @ForAll @IntRange(min = 0, max = 2) int axisChoice,
            @ForAll boolean keepDim, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + random.nextInt(4);
        }
        int axis = axisChoice % rank;
        INDArray x = Values.uniform(random, -5, 5, shape);
        Tensor y = Functions.logsumexp(Tensor.constant(x), axis, keepDim);
        INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.log(
                org.nd4j.linalg.ops.transforms.Transforms.exp(x, true).sum(keepDim, axis), false);
        Expect.close("logsumexp over axis " + axis + " (keepDim " + keepDim + ") of shape "
                + java.util.Arrays.toString(shape), expected, y.data());
    }

    @Property(tries = 15, seed = "2203")
    @Label("backward matches central differences along either axis")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 4) int cols,
            @ForAll @IntRange(min = -2, max = 1) int axis, @ForAll boolean keepDim,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        GradCheck.function("logsumexp(x, " + axis + ", " + keepDim + ")",
                in -> Functions.logsumexp(in[0], axis, keepDim), Values.uniform(new Random(seed), -3, 3, rows, cols));
    }
}

package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("6.5")
@Label("Problem 6.5 GradientClipping.clipGlobalNorm")
class GradientClippingTest {

    /** Parameters of assorted shapes with random gradients, plus one without a gradient. */
    private static List<Tensor> parameters(Random random, int count, double scale) {
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] shape = random.nextBoolean() ? new long[] {1 + random.nextInt(4)}
                    : new long[] {1 + random.nextInt(3), 1 + random.nextInt(4)};
            Tensor p = Tensor.param(Values.normal(random, 1.0, shape));
            OptimTesting.setGrad(p, Values.normal(random, scale, shape));
            params.add(p);
        }
        params.add(random.nextInt(params.size() + 1), Tensor.param(Values.normal(random, 1.0, 2)));
        return params;
    }

    private static double globalNorm(List<INDArray> grads) {
        double sum = 0;
        for (INDArray g : grads) {
            for (double v : g.dup('c').reshape(g.length()).toDoubleVector()) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    private static List<INDArray> gradients(List<Tensor> params) {
        List<INDArray> out = new ArrayList<>();
        for (Tensor p : params) {
            if (p.grad() != null) {
                out.add(p.grad().dup());
            }
        }
        return out;
    }

    @Property(tries = 20, seed = "6501")
    @Label("above maxNorm: returns the global norm √(Σ g²) over all tensors, and scales every gradient by the same"
            + " factor so the global norm becomes maxNorm (the direction is kept)")
    @Points(2)
    void clips(@ForAll @IntRange(min = 1, max = 4) int count,
            @ForAll @DoubleRange(min = 0.05, max = 0.9) @Scale(6) double fraction,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        List<Tensor> params = parameters(random, count, 2.0);
        List<INDArray> before = gradients(params);
        double norm = globalNorm(before);
        double maxNorm = fraction * norm;
        double returned = GradientClipping.clipGlobalNorm(params, maxNorm);
        assertThat(returned).as("the returned global norm before clipping, √(Σ over every tensor and element of g²)")
                .isCloseTo(norm, within(1e-12 * norm));
        List<INDArray> after = gradients(params);
        assertThat(after).as("gradients after clipping (a parameter without one must keep none)")
                .hasSameSizeAs(before);
        double scale = maxNorm / norm;
        for (int i = 0; i < before.size(); i++) {
            Expect.close("gradient " + i + " of " + before.size() + " after clipping a global norm of " + norm + " to "
                    + maxNorm + " (every gradient times " + scale + ")", before.get(i).mul(scale), after.get(i), 1e-12);
        }
        assertThat(globalNorm(after)).as("the global norm after clipping to %s", maxNorm)
                .isCloseTo(maxNorm, within(1e-12 * maxNorm));
    }

    @Property(tries = 15, seed = "6502")
    @Label("below maxNorm: returns the global norm and leaves every gradient exactly as it was")
    @Points(1)
    void leavesSmallGradients(@ForAll @IntRange(min = 1, max = 4) int count,
            @ForAll @DoubleRange(min = 1.001, max = 10.0) @Scale(6) double factor,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        List<Tensor> params = parameters(random, count, 0.5);
        List<INDArray> before = gradients(params);
        double norm = globalNorm(before);
        double returned = GradientClipping.clipGlobalNorm(params, norm * factor);
        assertThat(returned).as("the returned global norm").isCloseTo(norm, within(1e-12 * norm));
        List<INDArray> after = gradients(params);
        for (int i = 0; i < before.size(); i++) {
            Expect.close("gradient " + i + " after clipping to " + factor + " × its global norm " + norm
                    + " (nothing to clip)", before.get(i), after.get(i), 0);
        }
    }
}

package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("3.2")
@Label("Problem 3.2 Dropout.forward")
class DropoutTest {

    @Property(tries = 6, seed = "3201")
    @Label("in eval mode dropout is the identity (values and gradient), whatever p")
    @Points(1)
    void evalModeIsIdentity(@ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Dropout dropout = new Dropout(p, seed);
        dropout.eval();
        INDArray values = Values.uniform(new Random(seed), -2, 2, 4, 5);
        Tensor x = Tensor.param(values.dup());
        Tensor y = dropout.forward(x);
        Expect.close("Dropout(p = " + p + ") in eval mode must return its input unchanged", values, y.data(), 0);
        y.sum().backward();
        Expect.close("the gradient through Dropout in eval mode (must be 1 everywhere)", values.mul(0).add(1),
                x.grad(), 0);
    }

    @Example
    @Label("with p = 0 it is the identity in training mode too")
    @Points(1)
    void zeroProbabilityIsIdentity() {
        Dropout dropout = new Dropout(0.0, 1);
        INDArray values = Values.uniform(new Random(1), -2, 2, 3, 4);
        assertThat(dropout.isTraining()).isTrue();
        Expect.close("Dropout(p = 0) in training mode", values, dropout.forward(Tensor.constant(values)).data(), 0);
    }

    @Property(tries = 5, seed = "3202")
    @Label("training mode: about a fraction p zeroed, the rest scaled by 1/(1 − p), so the mean is preserved")
    @Points(2)
    void invertedDropoutStatistics(@ForAll @DoubleRange(min = 0.1, max = 0.8) double p,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int n = 20_000;
        INDArray values = Values.uniform(new Random(seed), 0.5, 1.5, 200, 100);
        double[] x = values.dup().reshape(n).toDoubleVector();
        double[] y = new Dropout(p, seed).forward(Tensor.constant(values)).toDoubleArray();
        int zeros = 0;
        double sumX = 0, sumY = 0;
        for (int i = 0; i < n; i++) {
            double ratio = y[i] / x[i];
            if (y[i] == 0) {
                zeros++;
            } else {
                assertThat(ratio).as("a kept element must be scaled by 1/(1 − p) = %s (p = %s), element %d", 1 / (1 - p),
                        p, i).isCloseTo(1 / (1 - p), within(1e-12));
            }
            sumX += x[i];
            sumY += y[i];
        }
        double sigma = Math.sqrt(p * (1 - p) / n);
        assertThat((double) zeros / n).as("the fraction of zeroed elements with p = %s", p)
                .isCloseTo(p, within(6 * sigma));
        double meanSigma = 1.5 * Math.sqrt(p / (1 - p) / n);
        assertThat(sumY / n).as("the mean after dropout (p = %s) should stay the mean before: inverted dropout scales"
                + " the kept elements by 1/(1 − p)", p).isCloseTo(sumX / n, within(6 * meanSigma));
    }

    @Example
    @Label("each call draws a new mask; the same seed repeats the same masks")
    @Points(1)
    void freshSeededMasks() {
        INDArray values = Values.uniform(new Random(2), 0.5, 1.5, 10, 10);
        Dropout a = new Dropout(0.5, 42);
        double[] first = a.forward(Tensor.constant(values)).toDoubleArray();
        double[] second = a.forward(Tensor.constant(values)).toDoubleArray();
        assertThat(second).as("two calls in training mode must use different masks").isNotEqualTo(first);
        double[] again = new Dropout(0.5, 42).forward(Tensor.constant(values)).toDoubleArray();
        assertThat(again).as("a Dropout built with the same seed must give the same first mask").containsExactly(first);
    }

    @Property(tries = 4, seed = "3203")
    @Label("the gradient is the mask scaled by 1/(1 − p): 0 for dropped elements, 1/(1 − p) for kept ones")
    @Points(1)
    void gradient(@ForAll @DoubleRange(min = 0.1, max = 0.7) double p, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        INDArray values = Values.uniform(new Random(seed), 0.5, 1.5, 6, 7);
        Tensor x = Tensor.param(values.dup());
        Tensor y = new Dropout(p, seed).forward(x);
        y.sum().backward();
        Expect.close("dL/dx for L = sum(dropout(x)), p = " + p + " (should be output / input)",
                y.data().div(values), x.grad(), 1e-12);
    }
}

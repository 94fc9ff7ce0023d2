package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("3.1")
@Label("Problem 3.1 Linear.forward")
class LinearTest {
    private static final Fixture LINEAR = Fixture.load("modules.json").at("linear");

    @Example
    @Label("forward and backward match PyTorch: x [2, 3, 4] → [2, 3, 3], gradients of x, W and b")
    @Points(2)
    void knownAnswer() {
        Linear layer = new Linear(4, 3, true, new Random(0));
        Values.set("Linear.weight", layer.weight(), LINEAR.array("weight"));
        Values.set("Linear.bias", layer.bias(), LINEAR.array("bias"));
        Tensor x = Tensor.param(LINEAR.array("x"));
        Tensor y = layer.forward(x);
        Expect.close("Linear(4 → 3).forward(x) = x·W + b", LINEAR.array("y"), y.data());
        Values.backward(y, LINEAR.array("upstream"));
        Expect.close("dL/dx", LINEAR.array("dx"), x.grad());
        Expect.close("dL/dW", LINEAR.array("dweight"), layer.weight().grad());
        Expect.close("dL/db (summed over every leading axis)", LINEAR.array("dbias"), layer.bias().grad());
    }

    @Property(tries = 12, seed = "3101")
    @Label("y = x·W (+ b with a bias); in·out (+ out) parameters, each of which gets a gradient")
    @Points(1)
    void withAndWithoutBias(@ForAll @IntRange(min = 1, max = 5) int in, @ForAll @IntRange(min = 1, max = 5) int out,
            @ForAll boolean bias, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        Linear layer = new Linear(in, out, bias, random);
        assertThat(layer.parameterCount()).as("parameters of Linear(%d → %d, bias %s)", in, out, bias)
                .isEqualTo((long) in * out + (bias ? out : 0));
        INDArray x = Values.uniform(random, -1, 1, 3, in);
        Tensor y = layer.forward(Tensor.constant(x));
        INDArray expected = x.mmul(layer.weight().data());
        if (bias) {
            expected.addiRowVector(layer.bias().data());
        }
        Expect.close("Linear(" + in + " → " + out + ", bias " + bias + ").forward(x)", expected, y.data());
        y.sum().backward();
        layer.namedParameters().forEach((name, p) ->
                assertThat(p.grad()).as("the gradient of parameter '%s' after backward", name).isNotNull());
    }

    @Property(tries = 6, seed = "3102")
    @Label("backward matches central differences for the input and both parameters, on [N, in] and [B, T, in]")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 4) int in, @ForAll @IntRange(min = 1, max = 4) int out,
            @ForAll boolean batched, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        Linear layer = new Linear(in, out, true, random);
        INDArray x = batched ? Values.uniform(random, -1, 1, 2, 3, in) : Values.uniform(random, -1, 1, 3, in);
        GradCheck.module("Linear(" + in + " → " + out + ")", layer, layer::forward, x);
    }
}

package hw.model;

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

@Todo("4.2")
@Label("Problem 4.2 FeedForward.forward")
class FeedForwardTest {
    private static final Fixture FFN = Fixture.load("transformer.json").at("feed_forward");

    private static FeedForward loaded(double dropout) {
        FeedForward ffn = new FeedForward(8, FFN.integer("hidden"), dropout, true, new Random(0));
        Load.feedForward(ffn, FFN.at("params"));
        return ffn;
    }

    @Example
    @Label("forward and backward match PyTorch: Linear, GELU (tanh form), Linear (C = 8, hidden 12)")
    @Points(2)
    void knownAnswer() {
        FeedForward ffn = loaded(0.0);
        Tensor x = Tensor.param(FFN.array("x"));
        Tensor y = ffn.forward(x);
        Expect.close("FeedForward(8, hidden 12).forward(x)", FFN.array("y"), y.data());
        Values.backward(y, FFN.array("upstream"));
        Expect.close("dL/dx", FFN.array("dx"), x.grad());
        Expect.close("dL/d up weight", FFN.array("dw1"), ffn.up().weight().grad());
        Expect.close("dL/d up bias", FFN.array("db1"), ffn.up().bias().grad());
        Expect.close("dL/d down weight", FFN.array("dw2"), ffn.down().weight().grad());
        Expect.close("dL/d down bias", FFN.array("db2"), ffn.down().bias().grad());
    }

    @Property(tries = 6, seed = "4201")
    @Label("hidden width 4·C by default; 2·C·H weights (+ H + C biases), every one of which gets a gradient")
    @Points(1)
    void parameterCount(@ForAll @IntRange(min = 1, max = 6) int c, @ForAll boolean bias,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        FeedForward ffn = new FeedForward(c, 0.0, bias, new Random(seed));
        long h = 4L * c;
        assertThat(ffn.parameterCount()).as("parameters of FeedForward(C = %d, bias %s)", c, bias)
                .isEqualTo(2 * c * h + (bias ? h + c : 0));
        Tensor y = ffn.forward(Tensor.constant(Values.normal(new Random(seed), 1.0, 2, 3, c)));
        assertThat(y.shape()).as("output shape").containsExactly(2, 3, c);
        y.sum().backward();
        ffn.namedParameters().forEach((name, p) ->
                assertThat(p.grad()).as("gradient of parameter '%s' after backward", name).isNotNull());
    }

    @Property(tries = 3, seed = "4202")
    @Label("backward matches central differences for the input and every parameter")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 4) int c, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        FeedForward ffn = new FeedForward(c, 3, 0.0, true, random);
        GradCheck.module("FeedForward(" + c + ", hidden 3)", ffn, ffn::forward, Values.normal(random, 1.0, 2, 2, c));
    }

    @Example
    @Label("dropout on the output: eval mode equals no dropout; training mode drops something")
    @Points(1)
    void dropout() {
        FeedForward ffn = loaded(0.5);
        Tensor x = Tensor.constant(FFN.array("x"));
        ffn.eval();
        Expect.close("FeedForward with dropout 0.5 in eval mode", FFN.array("y"), ffn.forward(x).data());
        ffn.train();
        INDArray y = ffn.forward(x).data();
        assertThat(Expect.difference(FFN.array("y"), y, 1e-9)).as("FeedForward with dropout 0.5 in training mode"
                + " should differ from the output without dropout").isNotNull();
    }
}

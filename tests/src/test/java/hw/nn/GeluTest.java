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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Todo("2.1")
@Label("Problem 2.1 Functions.gelu")
class GeluTest {
    private static final Fixture GELU = Fixture.load("functions.json").at("gelu");

    @Example
    @Label("forward matches PyTorch's F.gelu(x, approximate=\"tanh\")")
    @Points(2)
    void knownAnswer() {
        Tensor y = Functions.gelu(Tensor.constant(GELU.array("x")));
        Expect.closeOrDiagnose("gelu(x)", GELU, "y", y.data(), Map.of(
                "exact_erf", "the exact erf form 0.5·x·(1 + erf(x/√2)) instead of GPT-2's tanh approximation",
                "sigmoid", "the sigmoid approximation x·sigmoid(1.702·x) (ND4J's gelu) instead of GPT-2's tanh form"));
    }

    @Example
    @Label("backward matches PyTorch's gradient")
    @Points(1)
    void knownGradient() {
        Tensor x = Tensor.param(GELU.array("x"));
        Values.backward(Functions.gelu(x), GELU.array("upstream"));
        Expect.close("d gelu / dx", GELU.array("dx"), x.grad());
    }

    @Property(tries = 12, seed = "2101")
    @Label("backward matches central differences on any shape")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        GradCheck.function("gelu(x)", in -> Functions.gelu(in[0]), Values.uniform(new Random(seed), -4, 4, rows, cols));
    }

    @Example
    @Label("far from 0 it is the identity (x ≫ 0) or 0 (x ≪ 0), with gradients 1 and 0, never NaN")
    @Points(1)
    void saturation() {
        Tensor x = Tensor.param(Tensor.of(new double[] {-60.0, 60.0}).data());
        Tensor y = Functions.gelu(x);
        assertThat(y.toDoubleArray()).as("gelu([-60, 60])").containsExactly(new double[] {0.0, 60.0}, within(1e-12));
        y.sum().backward();
        assertThat(x.grad().toDoubleVector()).as("gradient of gelu at [-60, 60]")
                .containsExactly(new double[] {0.0, 1.0}, within(1e-12));
    }
}

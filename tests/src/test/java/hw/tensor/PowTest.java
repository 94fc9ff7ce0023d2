package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.GradCheck;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Todo("1.1")
@Label("Problem 1.1 Tensor.pow")
class PowTest {

    @Property(tries = 40, seed = "1101")
    @Label("forward: every element is raised to the power p")
    @Points(1)
    void forward(@ForAll("positive") Sample x, @ForAll("exponents") double p) {
        double[] got = x.param().pow(p).toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("x^%s at element %d (x = %s)", p, i, x.values()[i])
                    .isCloseTo(Math.pow(x.values()[i], p), within(1e-9 * Math.max(1, Math.abs(got[i]))));
        }
    }

    @Property(tries = 25, seed = "1102")
    @Label("backward: the gradient matches central differences")
    @Points(2)
    void gradient(@ForAll("positive") Sample x, @ForAll("exponents") double p) {
        GradCheck.rule("x.pow(" + p + ")", in -> in.pow(p), x.array());
    }

    @Example
    @Label("backward: x^0 has gradient 0 everywhere, also at x = 0 (not NaN)")
    @Points(1)
    void zeroExponentAtZero() {
        Tensor x = Tensor.param(Tensor.of(new double[] {0.0, 2.0, -1.5}).data());
        assertThat(GradCheck.gradientOfSum(x, x.pow(0.0))).as("gradient of sum(x^0) at x = [0, 2, -1.5]")
                .containsExactly(0.0, 0.0, 0.0);
    }

    @Example
    @Label("backward: x^2 at a negative x and x^3 at 0 give 2x and 0")
    @Points(1)
    void integerExponentsKnownAnswers() {
        Tensor x = Tensor.param(Tensor.of(new double[] {-3.0, 0.0}).data());
        assertThat(GradCheck.gradientOfSum(x, x.pow(2.0))).as("d/dx sum(x^2) at x = [-3, 0]")
                .containsExactly(-6.0, 0.0);
        Tensor y = Tensor.param(Tensor.of(new double[] {0.0}).data());
        assertThat(GradCheck.gradientOfSum(y, y.pow(3.0))).as("d/dx x^3 at x = 0").containsExactly(0.0);
    }

    @Provide
    Arbitrary<Sample> positive() {
        return Sample.any(3, 4, 0.2, 3.0);
    }

    @Provide
    Arbitrary<Double> exponents() {
        return Arbitraries.oneOf(Arbitraries.of(-2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0),
                Arbitraries.doubles().between(-3, 3).ofScale(2));
    }
}

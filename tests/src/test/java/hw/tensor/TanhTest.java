package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.GradCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Todo("1.2")
@Label("Problem 1.2 Tensor.tanh")
class TanhTest {

    @Property(tries = 40, seed = "1201")
    @Label("forward: matches Math.tanh")
    @Points(1)
    void forward(@ForAll("values") Sample x) {
        double[] got = x.param().tanh().toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("tanh at element %d (x = %s)", i, x.values()[i])
                    .isCloseTo(Math.tanh(x.values()[i]), within(1e-12));
        }
    }

    @Property(tries = 25, seed = "1202")
    @Label("backward: the gradient matches central differences")
    @Points(2)
    void gradient(@ForAll("values") Sample x) {
        GradCheck.rule("x.tanh()", Tensor::tanh, x.array());
    }

    @Example
    @Label("saturates without NaN: tanh(±40) = ±1 with gradient 0")
    @Points(1)
    void saturation() {
        Tensor x = Tensor.param(Tensor.of(new double[] {-40.0, 40.0}).data());
        Tensor y = x.tanh();
        assertThat(y.toDoubleArray()).containsExactly(-1.0, 1.0);
        assertThat(GradCheck.gradientOfSum(x, y)).as("gradient of tanh at ±40")
                .containsExactly(new double[] {0.0, 0.0}, within(1e-12));
    }

    @Provide
    Arbitrary<Sample> values() {
        return Sample.any(3, 4, -3.0, 3.0);
    }
}

package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Problem;
import grader.api.Visibility;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * An example of an instructor's hidden suite: real checks of Problem 1 that are graded (on Gradescope, or with
 * -Dgrade.hidden=tests/hidden) but never shipped in the student release. Compiled by the grader at grading time.
 */
@Problem(1)
@Label("Problem 1 hidden checks")
@Visibility(Visibility.Level.HIDDEN)
class HiddenBackpropTest {

    @Example
    @Label("a chain of 2000 operations backpropagates exactly: d(1.001^2000 x)/dx")
    @Points(1)
    void longChain() {
        Tensor x = Tensor.param(Tensor.of(new double[] {1.0}).data());
        Tensor y = x;
        for (int i = 0; i < 2000; i++) {
            y = y.mul(1.001);
        }
        y.sum().backward();
        assertThat(x.grad().getDouble(0)).as("gradient after 2000 multiplications by 1.001")
                .isCloseTo(Math.pow(1.001, 2000), within(1e-9));
    }

    @Example
    @Label("gradients through 1024 paths add up: ten doublings a = a + a")
    @Points(1)
    @Visibility(Visibility.Level.AFTER_DUE_DATE)
    void manyPaths() {
        Tensor x = Tensor.param(Tensor.of(new double[] {0.5, -2.0}).data());
        Tensor a = x;
        for (int i = 0; i < 10; i++) {
            a = a.add(a);
        }
        a.sum().backward();
        assertThat(x.grad().toDoubleVector()).as("dL/dx for L = sum(1024 x)").containsExactly(1024.0, 1024.0);
    }
}

package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the docstrings of Problems 1.3 and 1.4 promise and the main suite does not reach: a root that needs no
 * gradient, a seed other than ones, and a backward rule that returns null for an input (which {@link Backward}
 * allows).
 */
@Todo("1.4")
@Label("Problems 1.3-1.4 backpropagation")
class BackpropEdgeCasesTest {

    @Example
    @Todo("1.3")
    @Label("topological order: a root that requires no gradient has an empty order")
    @Points(1)
    void orderOfAConstant() {
        Tensor constant = Tensor.of(new double[] {1.0, 2.0});
        assertThat(Autograd.topologicalOrder(constant))
                .as("topologicalOrder of a constant (only tensors that require a gradient belong in it)").isEmpty();
    }

    @Example
    @Label("backward(seed): the given dL/d(root) is what flows back, not ones: z = x·y with seed g gives g·y and g·x")
    @Points(1)
    void givenSeed() {
        Tensor x = Tensor.param(Tensor.of(new double[] {1.0, -2.0, 3.0}).data());
        Tensor y = Tensor.param(Tensor.of(new double[] {4.0, 0.5, -1.0}).data());
        Tensor z = x.mul(y);
        z.backward(Tensor.of(new double[] {2.0, -1.0, 0.5}).data());
        assertThat(x.grad().toDoubleVector()).as("dL/dx for z = x·y (elementwise), x = [1, -2, 3], y = [4, 0.5, -1],"
                + " backpropagating the seed dL/dz = [2, -1, 0.5]").containsExactly(8.0, -0.5, -0.5);
        assertThat(y.grad().toDoubleVector()).as("dL/dy, the same").containsExactly(2.0, 2.0, 1.5);
    }

    @Example
    @Label("backward: an input whose backward rule returns null gets no gradient, and the other inputs still do")
    @Points(1)
    void nullContribution() {
        Tensor x = Tensor.param(Tensor.of(new double[] {1.0, 2.0}).data());
        Tensor y = Tensor.param(Tensor.of(new double[] {3.0, 4.0}).data());
        Tensor scaled = x.mul(2.0);
        // An operation that reads y only: its rule gives no gradient (null) to its first input.
        Tensor onlyY = Tensor.fromOp("onlyY", y.data().dup(), g -> new INDArray[] {null, g.dup()}, scaled, y);
        onlyY.sum().backward();
        assertThat(y.grad()).as("y's gradient").isNotNull();
        assertThat(y.grad().toDoubleVector()).as("y's gradient through onlyY(2x, y).sum()").containsExactly(1.0, 1.0);
        if (x.grad() != null) { // no gradient reached x: none at all (PyTorch's answer) or zeros are both fine
            assertThat(x.grad().toDoubleVector()).as("x's gradient, when the only rule reaching it (through 2x)"
                    + " returned null").containsOnly(0.0);
        }
    }
}

package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Linear on a single vector, x [in] → [out]: the "..." of x [..., in] may be empty. */
@Todo("3.1")
@Label("Problem 3.1 Linear.forward")
class LinearVectorInputTest {

    @Example
    @Label("a single vector x [in] gives x·W + b of shape [out], and backward matches central differences")
    @Points(1)
    void vectorInput() {
        Random random = new Random(3111);
        Linear layer = new Linear(4, 3, true, random);
        INDArray x = Values.uniform(random, -1, 1, 4);
        Tensor y = layer.forward(Tensor.constant(x));
        assertThat(y.shape()).as("the shape of Linear(4 → 3) applied to a vector of shape [4]").containsExactly(3);
        INDArray expected = x.reshape(1, 4).mmul(layer.weight().data()).reshape(3).add(layer.bias().data());
        Expect.close("Linear(4 → 3).forward(x) for x of shape [4]", expected, y.data());
        GradCheck.module("Linear(4 → 3) on a vector [4]", layer, layer::forward, x);
    }
}

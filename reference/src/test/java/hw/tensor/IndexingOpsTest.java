package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.testkit.GradCheck;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The provided slicing, joining, masking and lookup operations: values, gradients and error messages. */
class IndexingOpsTest {
    private final Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @Test
    void sqrtAndItsGradient() {
        assertThat(Tensor.of(new double[] {4, 9}).sqrt().toDoubleArray()).containsExactly(2, 3);
        assertGradient(in -> in[0].sqrt(), random(new Random(1), 0.5, 2.0, 2, 3));
    }

    @Test
    void narrowTakesAWindowAndRoutesTheGradientBack() {
        assertThat(a.narrow(1, 1, 2).toDoubleArray()).containsExactly(2, 3, 5, 6);
        assertThat(a.narrow(-2, 1, 1).shape()).containsExactly(1, 3);
        assertThatThrownBy(() -> a.narrow(1, 2, 2)).hasMessageContaining("narrow").hasMessageContaining("[2, 3]");
        assertGradient(in -> in[0].narrow(2, 1, 2), random(new Random(2), -1, 1, 2, 3, 4));
    }

    @Test
    void concatJoinsAlongAnAxisAndSplitsTheGradient() {
        Tensor b = Tensor.of(new double[] {7, 8}, 2, 1);
        assertThat(Tensor.concat(1, a, b).toDoubleArray()).containsExactly(1, 2, 3, 7, 4, 5, 6, 8);
        assertThat(Tensor.concat(0, a, a).shape()).containsExactly(4, 3);
        assertThatThrownBy(() -> Tensor.concat(0, a, b)).hasMessageContaining("concat").hasMessageContaining("[2, 1]");
        Random r = new Random(3);
        assertGradient(in -> Tensor.concat(-1, in[0], in[1], in[0]), random(r, -1, 1, 2, 2), random(r, -1, 1, 2, 3));
    }

    @Test
    void narrowAndConcatUndoEachOther() {
        Tensor x = Tensor.constant(random(new Random(4), -1, 1, 2, 3, 6));
        Tensor rebuilt = Tensor.concat(2, x.narrow(2, 0, 2), x.narrow(2, 2, 2), x.narrow(2, 4, 2));
        assertThat(rebuilt.toDoubleArray()).containsExactly(x.toDoubleArray());
    }

    @Test
    void maskedFillReplacesWhereTheMaskIsSetAndBroadcasts() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{0, 1}, {0, 0}});
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Tensor y = x.maskedFill(mask, Double.NEGATIVE_INFINITY);
        assertThat(y.toDoubleArray()).containsExactly(1, Double.NEGATIVE_INFINITY, 3, 4, 5, Double.NEGATIVE_INFINITY, 7, 8);
        assertThat(x.maskedFill(mask, -7).toDoubleArray()).containsExactly(1, -7, 3, 4, 5, -7, 7, 8);
        assertThatThrownBy(() -> x.maskedFill(Nd4j.ones(DataType.DOUBLE, 3, 3), 0)).hasMessageContaining("maskedFill");
        // Masked elements get no gradient.
        Tensor p = Tensor.param(x.data().dup());
        p.maskedFill(mask, -1e9).sum().backward();
        assertThat(p.grad().dup().reshape(8).toDoubleVector()).containsExactly(1, 0, 1, 1, 1, 0, 1, 1);
        assertGradient(in -> in[0].maskedFill(mask, 0.5), random(new Random(5), -1, 1, 3, 2, 2));
    }

    @Test
    void gatherRowsLooksUpAndScatterAddsRepeatedIndices() {
        Tensor table = Tensor.param(Tensor.of(new double[] {0, 1, 10, 11, 20, 21}, 3, 2).data());
        Tensor rows = table.gatherRows(2, 0, 2);
        assertThat(rows.toDoubleArray()).containsExactly(20, 21, 0, 1, 20, 21);
        rows.mul(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2)).sum().backward();
        // Row 2 was used twice: its gradient is the sum of both copies' gradients.
        assertThat(table.grad().dup().reshape(6).toDoubleVector()).containsExactly(3, 4, 0, 0, 6, 8);
        assertGradient(in -> in[0].gatherRows(1, 1, 0, 3), random(new Random(6), -1, 1, 4, 3));
    }

    @Test
    void gatherRowsRejectsIndicesOutsideTheTable() {
        Tensor table = Tensor.zeros(3, 2);
        assertThatThrownBy(() -> table.gatherRows(0, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 3");
        assertThatThrownBy(() -> table.gatherRows(-1)).hasMessageContaining("index -1");
        assertThatThrownBy(() -> Tensor.zeros(3).gatherRows(0)).hasMessageContaining("2-D");
    }

    private static INDArray random(Random r, double lo, double hi, long... shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        return Nd4j.create(r.doubles(n, lo, hi).toArray(), shape, DataType.DOUBLE);
    }

    private static void assertGradient(Function<Tensor[], Tensor> f, INDArray... inputs) {
        GradCheck.function("an indexing operation", f, inputs);
    }
}

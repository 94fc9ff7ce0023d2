package hw.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hw.nn.Functions;
import hw.testkit.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shortcuts the provided operations take for speed give what the plain computation gives: a one-row matmul
 * (a matrix-vector product), bias gradients summed through BLAS, softmax above and below its size switch, and
 * maskedFill's keep and fill arrays; and NativeMemory does not count views as new memory.
 */
class FastPathsTest {
    private static INDArray random(long... shape) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
    }

    @Test
    void oneRowMatmulEqualsTheGeneralProductAlsoWithATransposedRightSide() {
        INDArray x = random(1, 5), w = random(5, 7), table = random(7, 5);
        assertThat(Tensor.constant(x).matmul(Tensor.constant(w)).data().equalsWithEps(x.mmul(w), 1e-12)).isTrue();
        Tensor tied = Tensor.constant(table).transpose(0, 1); // [5, 7], a view: the LM head's Eᵀ
        assertThat(Tensor.constant(x.reshape(1, 1, 5)).matmul(tied).data()
                .equalsWithEps(x.mmul(table.transpose()).reshape(1, 1, 7), 1e-12)).isTrue();
        GradCheck.function("x.matmul(w)", in -> in[0].matmul(in[1]), x, w);
        GradCheck.function("x.matmul(tableᵀ)", in -> in[0].matmul(in[1].transpose(0, 1)), random(1, 1, 5),
                table);
    }

    @Test
    void biasGradientsSumTheLeadingAxesAlsoOfAPermutedGradient() {
        INDArray g = random(3, 4, 6);
        assertThat(Shapes.sumToShape(g, new long[] {6}).equalsWithEps(g.sum(0, 1), 1e-12)).isTrue();
        INDArray permuted = random(4, 3, 6).permute(1, 0, 2); // [3, 4, 6], not contiguous
        assertThat(Shapes.sumToShape(permuted, new long[] {6}).equalsWithEps(permuted.sum(0, 1), 1e-12)).isTrue();
        assertThat(Shapes.sumToShape(g, new long[] {4, 1}).equalsWithEps(g.sum(true, 0, 2).reshape(4, 1), 1e-12))
                .isTrue();
        GradCheck.function("a broadcast add", in -> in[0].add(in[1]), random(2, 3, 4), random(4));
    }

    @Test
    void softmaxAgreesAboveAndBelowItsSizeSwitchWithInfinities() {
        for (long rows : new long[] {3, 3000}) { // 3·7 elements and 21,000: both of softmax's paths
            INDArray x = random(rows, 7).muli(8);
            x.putScalar(0, 2, Double.NEGATIVE_INFINITY);
            x.putScalar(1, 0, -1000);
            x.putScalar(1, 1, -1000);
            INDArray s = Functions.softmax(Tensor.constant(x), -1).data();
            for (int r = 0; r < 3; r++) {
                double max = Double.NEGATIVE_INFINITY, total = 0;
                for (int c = 0; c < 7; c++) {
                    max = Math.max(max, x.getDouble(r, c));
                }
                for (int c = 0; c < 7; c++) {
                    total += Math.exp(x.getDouble(r, c) - max);
                }
                for (int c = 0; c < 7; c++) {
                    assertThat(s.getDouble(r, c)).as("softmax of %d rows at [%d, %d]", rows, r, c)
                            .isCloseTo(Math.exp(x.getDouble(r, c) - max) / total, within(1e-12));
                }
            }
        }
        GradCheck.function("softmax over the last axis", in -> Functions.softmax(in[0], -1), random(2, 3, 5));
        GradCheck.function("softmax of 3000 logits", in -> Functions.softmax(in[0], 1), random(2, 3000));
    }

    @Test
    void maskedFillWithAFiniteValueAndWithMinusInfinity() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        INDArray mask = Nd4j.create(new double[] {0, 1, 0, 0}, new long[] {2, 2}, DataType.DOUBLE);
        assertThat(x.maskedFill(mask, -7).toDoubleArray()).containsExactly(1, -7, 3, 4);
        assertThat(x.maskedFill(mask, Double.NEGATIVE_INFINITY).toDoubleArray())
                .containsExactly(1, Double.NEGATIVE_INFINITY, 3, 4);
        GradCheck.function("maskedFill", in -> in[0].maskedFill(mask, -7), random(3, 2, 2));
    }

    @Test
    void viewsOfAnInputAreNotCountedAsNewMemory() {
        Tensor x = Tensor.constant(random(64, 64));
        NativeMemory.collectGarbage();
        x.reshape(4096).permute(0);
        x.transpose(0, 1);
        assertThat(NativeMemory.producedSinceCollection()).as("bytes counted for views").isZero();
        x.mul(2.0);
        assertThat(NativeMemory.producedSinceCollection()).as("bytes counted for a new array")
                .isEqualTo(64 * 64 * Double.BYTES);
    }
}

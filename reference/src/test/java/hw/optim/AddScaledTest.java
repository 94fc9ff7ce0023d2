package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Optimizer.addScaled gives target + a·x in place, whether it takes BLAS axpy (dense arrays laid out alike) or
 * falls back to ND4J's arithmetic: axpy alone would pair the wrong elements of a transposed or sliced array.
 */
class AddScaledTest {
    private static INDArray random(DataType type, char order, long... shape) {
        return Nd4j.rand(type, order, shape).subi(0.5);
    }

    private static void assertAddsScaled(INDArray target, INDArray x) {
        INDArray expected = target.add(x.mul(-0.3));
        INDArray returned = Optimizer.addScaled(target, -0.3, x);
        assertThat(returned).isSameAs(target);
        assertThat(target.equalsWithEps(expected, 1e-6)).as("target + a·x").isTrue();
    }

    @Test
    void addsTheScaledArrayForEveryLayout() {
        Nd4j.getRandom().setSeed(5);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            assertAddsScaled(random(type, 'c', 6, 4), random(type, 'c', 6, 4));
            assertAddsScaled(random(type, 'c', 6, 4), random(type, 'f', 6, 4));
            assertAddsScaled(random(type, 'f', 6, 4), random(type, 'f', 6, 4));
            assertAddsScaled(random(type, 'c', 6, 4), random(type, 'c', 4, 6).transpose());
            assertAddsScaled(random(type, 'c', 4, 6),
                    random(type, 'c', 4, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 7)));
            assertAddsScaled(random(type, 'c', 4, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 7)),
                    random(type, 'c', 4, 6));
            assertAddsScaled(random(type, 'c', 8, 6).get(NDArrayIndex.interval(2, 6), NDArrayIndex.all()),
                    random(type, 'c', 4, 6));
        }
    }
}

package hw.tensor;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A generated array: its shape and values. Its {@code toString} is what jqwik prints as the (shrunk) sample of a
 * failing property, so it shows both.
 */
record Sample(long[] shape, double[] values) {

    INDArray array() {
        return Nd4j.create(values.clone(), shape, DataType.DOUBLE);
    }

    Tensor param() {
        return Tensor.param(array());
    }

    /** Arrays of the given shape with values in [lo, hi]. */
    static Arbitrary<Sample> of(long[] shape, double lo, double hi) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return Arbitraries.doubles().between(lo, hi).ofScale(4).array(double[].class).ofSize(n)
                .map(v -> new Sample(shape, v));
    }

    /** Like {@link #of}, with no two values closer than 1e-4 (no ties, so max has a gradient). */
    static Arbitrary<Sample> distinct(long[] shape, double lo, double hi) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return Arbitraries.doubles().between(lo, hi).ofScale(4).array(double[].class).ofSize(n).uniqueElements()
                .map(v -> new Sample(shape, v));
    }

    /** Arrays of rank 1 to {@code maxRank} with sizes 1 to {@code maxSize}, values in [lo, hi]. */
    static Arbitrary<Sample> any(int maxRank, int maxSize, double lo, double hi) {
        return Arbitraries.integers().between(1, maxSize).array(int[].class).ofMinSize(1).ofMaxSize(maxRank)
                .flatMap(dims -> of(Arrays.stream(dims).asLongStream().toArray(), lo, hi));
    }

    @Override
    public String toString() {
        return "shape " + Arrays.toString(shape) + ", values " + Arrays.toString(values);
    }
}

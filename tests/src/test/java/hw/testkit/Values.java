package hw.testkit;

import hw.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test data: random arrays, and copying known values into parameters. */
public final class Values {
    private Values() {
    }

    /** Uniform values in [lo, hi). */
    public static INDArray uniform(Random random, double lo, double hi, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return Nd4j.create(random.doubles(n, lo, hi).toArray(), shape, DataType.DOUBLE);
    }

    /** Values from N(0, std²). */
    public static INDArray normal(Random random, double std, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * random.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Copies {@code value} into a parameter in place, after checking the shapes agree. */
    public static void set(String what, Tensor parameter, INDArray value) {
        if (parameter == null) {
            throw new AssertionError(what + ": the parameter is missing (null)");
        }
        if (!Arrays.equals(parameter.shape(), value.shape())) {
            throw new AssertionError(what + ": the parameter has shape " + Arrays.toString(parameter.shape())
                    + ", expected " + Arrays.toString(value.shape()));
        }
        parameter.data().assign(value);
    }

    /** The gradient of {@code sum(out · upstream)}, backpropagated from {@code out}. */
    public static void backward(Tensor out, INDArray upstream) {
        out.mul(Tensor.constant(upstream)).sum().backward();
    }

    /** A random token-id matrix [rows, cols] with ids in [0, vocab). */
    public static int[][] ids(Random random, int rows, int cols, int vocab) {
        int[][] out = new int[rows][cols];
        for (int[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextInt(vocab);
            }
        }
        return out;
    }
}

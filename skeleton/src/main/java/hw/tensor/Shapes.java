package hw.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Shape arithmetic shared by the operations: broadcasting, and undoing it in the backward pass. */
public final class Shapes {
    private Shapes() {
    }

    /** A shape as people write it: {@code [2, 3]}. */
    public static String show(long[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * The shape of {@code a op b} under NumPy broadcasting: align the shapes on the right; each pair of sizes
     * must be equal or contain a 1.
     *
     * @throws IllegalArgumentException naming the operation and both shapes when they cannot be broadcast
     */
    public static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + show(a) + " and " + show(b)
                        + " cannot be broadcast (axis " + i + " of the aligned shapes: " + da + " vs " + db + ")");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /**
     * Sums a broadcast gradient back to the shape of the input it came from: over the leading axes the input did
     * not have, and over every axis where the input had size 1. This is the backward pass of broadcasting.
     */
    public static INDArray sumToShape(INDArray grad, long[] shape) {
        if (Arrays.equals(grad.shape(), shape)) {
            return grad;
        }
        int lead = grad.rank() - shape.length;
        INDArray g = grad;
        boolean onlyLeadingAxes = lead > 0 && shape.length > 0
                && Arrays.equals(Arrays.copyOfRange(grad.shape(), lead, grad.rank()), shape);
        if (onlyLeadingAxes) {
            long rows = prefix(grad, lead);                        // the leading axes, folded into rows
            return columnSums(grad.reshape('c', rows, grad.length() / rows)).reshape(shape);
        }
        if (lead > 0) {
            int[] leading = new int[lead];
            for (int i = 0; i < lead; i++) {
                leading[i] = i;
            }
            g = g.sum(false, leading);
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1 && g.size(i) != 1) {
                g = g.sum(true, i);
            }
        }
        return g.reshape(shape);
    }

    private static long prefix(INDArray a, int axes) {
        long n = 1;
        for (int i = 0; i < axes; i++) {
            n *= a.size(i);
        }
        return n;
    }

    /**
     * The sum of the rows of a 2-D array [n, m] → [m], as the product onesᵀ·a: BLAS reads the rows in order, where
     * ND4J's sum over axis 0 strides down each column (measured 2–5× slower at [768, 512]). Bias gradients are
     * such sums.
     */
    public static INDArray columnSums(INDArray a) {
        long n = a.size(0);
        INDArray ones = Nd4j.ones(a.dataType(), n);
        return Nd4j.matmul(a.transpose(), ones);
    }

    /**
     * {@code x} viewed with leading axes of size 1 up to {@code rank}. ND4J broadcasts arrays of equal rank, but
     * not every mix of ranks, so binary operations align their operands first.
     */
    public static INDArray withRank(INDArray x, int rank) {
        if (x.rank() >= rank) {
            return x;
        }
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 1L);
        System.arraycopy(x.shape(), 0, shape, rank - x.rank(), x.rank());
        return x.reshape(shape);
    }

    /**
     * Repeats {@code grad} (whose shape broadcasts to {@code shape}) to exactly {@code shape}: zeros plus grad,
     * broadcast by the addition (ND4J's {@code broadcast}, its tile operation, took 9 ms for [12, 64, 1] →
     * [12, 64, 128] floats, the addition 0.8 ms; its {@code assign} does not broadcast but copies in order).
     */
    public static INDArray expand(INDArray grad, long[] shape) {
        if (Arrays.equals(grad.shape(), shape)) {
            return grad.dup();
        }
        return Nd4j.zeros(grad.dataType(), shape).addi(withRank(grad, shape.length));
    }

    /** An axis counted from the end when negative ({@code -1} is the last), checked against the rank. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }
}

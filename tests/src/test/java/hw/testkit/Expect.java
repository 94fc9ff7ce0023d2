package hw.testkit;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Comparisons of arrays with failure messages that say where and by how much they differ. */
public final class Expect {
    /** The tolerance for known answers: both sides are double precision, so only rounding differs. */
    public static final double TOLERANCE = 1e-9;

    private Expect() {
    }

    /** Asserts that {@code actual} has {@code expected}'s shape and values (within {@link #TOLERANCE}). */
    public static void close(String what, INDArray expected, INDArray actual) {
        close(what, expected, actual, TOLERANCE);
    }

    public static void close(String what, INDArray expected, INDArray actual, double tolerance) {
        String difference = difference(expected, actual, tolerance);
        if (difference != null) {
            throw new AssertionError(what + ": " + difference);
        }
    }

    /**
     * Like {@link #close}, and when the values differ, also checks them against the answers that typical
     * mistakes give ({@code fixture}'s entries "{@code key}_if_MISTAKE"), naming the mistake they match.
     *
     * @param mistakes for each MISTAKE, what the code does wrong (a sentence)
     */
    public static void closeOrDiagnose(String what, Fixture fixture, String key, INDArray actual,
            Map<String, String> mistakes) {
        INDArray expected = fixture.array(key);
        String difference = difference(expected, actual, TOLERANCE);
        if (difference == null) {
            return;
        }
        StringBuilder message = new StringBuilder(what + ": " + difference);
        for (Map.Entry<String, String> m : mistakes.entrySet()) {
            String variant = key + "_if_" + m.getKey();
            if (fixture.has(variant) && difference(fixture.array(variant), actual, 1e-7) == null) {
                message.append("\nLikely cause: ").append(m.getValue())
                        .append(" (the output is exactly what that mistake gives)");
            }
        }
        throw new AssertionError(message.toString());
    }

    /** Why {@code actual} is not {@code expected}, or {@code null} when it is (within tolerance, relative too). */
    public static String difference(INDArray expected, INDArray actual, double tolerance) {
        if (actual == null) {
            return "got null";
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        double[] e = flat(expected), a = flat(actual);
        int wrong = 0, first = -1;
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            double diff = Math.abs(e[i] - a[i]);
            boolean ok = diff <= tolerance * (1 + Math.abs(e[i])) || Double.compare(e[i], a[i]) == 0;
            if (!ok) {
                wrong++;
                if (first < 0) {
                    first = i;
                }
                worst = Double.isNaN(diff) ? Double.NaN : Math.max(worst, diff);
            }
        }
        if (wrong == 0) {
            return null;
        }
        return String.format("element %s is %s, expected %s; %d of %d elements differ (largest difference %.3g)",
                Arrays.toString(unravel(first, expected.shape())), a[first], e[first], wrong, e.length, worst);
    }

    static double[] flat(INDArray x) {
        return x.dup('c').reshape(x.length()).toDoubleVector();
    }

    static long[] unravel(int flat, long[] shape) {
        long[] index = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = rest % shape[d];
            rest /= shape[d];
        }
        return index;
    }
}

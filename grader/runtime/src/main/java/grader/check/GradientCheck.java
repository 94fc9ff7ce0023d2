package grader.check;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Compares a gradient computed by backpropagation with central differences, in double precision.
 *
 * <p>For a scalar function f and an input x, the numerical derivative of element i is
 * (f(x + h·e_i) − f(x − h·e_i)) / 2h. An element passes when |analytic − numerical| ≤ absTol + relTol·max(|analytic|,
 * |numerical|). Small inputs are checked at every element; larger ones at a fixed, reproducible sample.
 *
 * <p>The check works on plain arrays so that it serves any tensor library: the caller flattens its tensors
 * (row-major) and says how to evaluate f on a perturbed copy.
 *
 * <pre>{@code
 * GradientCheck.of("tanh(x).sum()").assertGradient("x", x, shape, v -> evaluate(v), analyticGrad);
 * }</pre>
 */
public final class GradientCheck {
    private final String function;
    private double step = 1e-6;
    private double relTol = 1e-5;
    private double absTol = 1e-7;
    private int maxElements = 64;

    private GradientCheck(String function) {
        this.function = function;
    }

    /** A check of the function described by {@code function} (shown in failure messages). */
    public static GradientCheck of(String function) {
        return new GradientCheck(function);
    }

    /** The finite-difference step h (default 1e-6). */
    public GradientCheck step(double h) {
        this.step = h;
        return this;
    }

    /** Relative and absolute tolerances (defaults 1e-5 and 1e-7). */
    public GradientCheck tolerance(double relative, double absolute) {
        this.relTol = relative;
        this.absTol = absolute;
        return this;
    }

    /** Inputs with more elements than this are checked at a sample of this many (default 64). */
    public GradientCheck maxElements(int n) {
        this.maxElements = n;
        return this;
    }

    /**
     * Asserts that {@code analytic} is the gradient of {@code f} at {@code x}.
     *
     * @param input    the input's name, for the message
     * @param x        the input's values, row-major; not modified
     * @param shape    the input's shape, for the message
     * @param f        the scalar function, evaluated on perturbed copies of x
     * @param analytic the gradient to check (row-major, same length as x), or null when none was computed
     * @throws AssertionError naming the input, the first wrong element and both values
     */
    public void assertGradient(String input, double[] x, long[] shape, ToDoubleFunction<double[]> f,
            double[] analytic) {
        String where = "gradient of " + function + " with respect to " + input + " (shape " + Arrays.toString(shape)
                + ")";
        if (analytic == null) {
            throw new AssertionError(where + ": backward left no gradient for " + input);
        }
        if (analytic.length != x.length) {
            throw new AssertionError(where + ": backward gave " + analytic.length + " values for " + x.length
                    + " elements");
        }
        int[] elements = elementsToCheck(x.length);
        int wrong = 0;
        String first = null;
        double[] probe = x.clone();
        for (int i : elements) {
            double saved = probe[i];
            probe[i] = saved + step;
            double plus = f.applyAsDouble(probe);
            probe[i] = saved - step;
            double minus = f.applyAsDouble(probe);
            probe[i] = saved;
            double numerical = (plus - minus) / (2 * step);
            double a = analytic[i];
            double allowed = absTol + relTol * Math.max(Math.abs(a), Math.abs(numerical));
            // An infinite a would make the allowed difference infinite too, so it must be excluded by name.
            boolean ok = Double.isFinite(numerical) ? Double.isFinite(a) && Math.abs(a - numerical) <= allowed
                    : Double.compare(a, numerical) == 0;
            if (!ok) {
                wrong++;
                if (first == null) {
                    first = "element " + Arrays.toString(unravel(i, shape)) + ": backward gave " + a
                            + ", central differences give " + numerical + " (|difference| "
                            + (float) Math.abs(a - numerical) + " > tolerance " + (float) allowed + ")";
                }
            }
        }
        if (first != null) {
            throw new AssertionError(where + " is wrong at " + first + "; " + wrong + " of " + elements.length
                    + " checked elements differ.\n" + input + " = " + preview(x, shape));
        }
    }

    private int[] elementsToCheck(int n) {
        if (n <= maxElements) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // Always the first and last element, then a sample fixed by n so a re-run checks the same elements.
        Random random = new Random(n);
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0, n - 1),
                random.ints(maxElements - 2L, 0, n)).distinct().sorted().toArray();
    }

    static long[] unravel(int flat, long[] shape) {
        long[] index = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : rest % shape[d];
            rest = shape[d] == 0 ? 0 : rest / shape[d];
        }
        return index;
    }

    private static String preview(double[] x, long[] shape) {
        int shown = Math.min(x.length, 24);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append((float) x[i]);
        }
        s.append(x.length > shown ? ", … (" + x.length + " values, row-major)]" : "] (row-major)");
        return s.toString();
    }
}

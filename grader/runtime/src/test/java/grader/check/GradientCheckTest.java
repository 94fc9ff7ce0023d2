package grader.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    private static final ToDoubleFunction<double[]> SUM_OF_CUBES = v -> Arrays.stream(v).map(a -> a * a * a).sum();

    private static double[] gradientOfSumOfCubes(double[] x) {
        return Arrays.stream(x).map(a -> 3 * a * a).toArray();
    }

    private static double[] range(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> 0.5 + 0.01 * i);
        return x;
    }

    @Test
    void aCorrectGradientPasses() {
        double[] x = {1.0, -1.0, 2.0, 0.5};
        assertThatCode(() -> GradientCheck.of("sum(x^3)").assertGradient("x", x, new long[] {2, 2}, SUM_OF_CUBES,
                gradientOfSumOfCubes(x))).doesNotThrowAnyException();
    }

    @Test
    void aWrongElementIsNamedWithItsIndexAndBothValues() {
        double[] x = {1.0, -1.0, 2.0, 0.5};
        double[] analytic = gradientOfSumOfCubes(x);
        analytic[2] = 99.0;
        AssertionError e = catchThrowableOfType(AssertionError.class, () -> GradientCheck.of("sum(x^3)")
                .assertGradient("x", x, new long[] {2, 2}, SUM_OF_CUBES, analytic));
        assertThat(e).hasMessageStartingWith("gradient of sum(x^3) with respect to x (shape [2, 2]) is wrong at"
                + " element [1, 0]: backward gave 99.0, central differences give ");
        // The numerical derivative of x^3 at 2 is 12 up to rounding.
        assertThat(e.getMessage()).containsPattern("central differences give (12\\.0|11\\.9999)")
                .contains("1 of 4 checked elements differ")
                .contains("x = [1.0, -1.0, 2.0, 0.5] (row-major)");
    }

    @Test
    void theCheckDoesNotChangeTheInput() {
        double[] x = {1.0, -1.0, 2.0, 0.5};
        GradientCheck.of("sum(x^3)").assertGradient("x", x, new long[] {4}, SUM_OF_CUBES, gradientOfSumOfCubes(x));
        assertThat(x).containsExactly(1.0, -1.0, 2.0, 0.5);
    }

    @Test
    void noGradientAtAllIsReportedAsSuch() {
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").assertGradient("weights", new double[] {1, 2},
                new long[] {2}, SUM_OF_CUBES, null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("with respect to weights")
                .hasMessageEndingWith("backward left no gradient for weights");
    }

    @Test
    void aGradientOfTheWrongLengthIsReported() {
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").assertGradient("x", new double[] {1, 2, 3},
                new long[] {3}, SUM_OF_CUBES, new double[] {3, 12})).isInstanceOf(AssertionError.class)
                .hasMessageContaining("backward gave 2 values for 3 elements");
    }

    @Test
    void anInfiniteGradientIsNotAcceptedForAFiniteDerivative() {
        double[] x = {1.0, 2.0};
        double[] analytic = {3.0, Double.POSITIVE_INFINITY};
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").assertGradient("x", x, new long[] {2}, SUM_OF_CUBES,
                analytic)).isInstanceOf(AssertionError.class).hasMessageContaining("element [1]")
                .hasMessageContaining("backward gave Infinity");
    }

    @Test
    void aNanGradientIsNotAccepted() {
        double[] x = {1.0, 2.0};
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").assertGradient("x", x, new long[] {2}, SUM_OF_CUBES,
                new double[] {Double.NaN, 12.0})).isInstanceOf(AssertionError.class)
                .hasMessageContaining("element [0]: backward gave NaN");
    }

    @Test
    void aLargeInputIsCheckedAtASampleOfAtMostMaxElements() {
        double[] x = range(1000);
        AtomicInteger evaluations = new AtomicInteger();
        GradientCheck.of("sum(x^3)").maxElements(10).assertGradient("x", x, new long[] {10, 100},
                v -> {
                    evaluations.incrementAndGet();
                    return SUM_OF_CUBES.applyAsDouble(v);
                }, gradientOfSumOfCubes(x));
        // Two evaluations (x + h and x - h) per checked element.
        assertThat(evaluations.get()).isPositive().isLessThanOrEqualTo(2 * 10);
    }

    @Test
    void aSampledCheckStillCatchesAWrongFirstOrLastElement() {
        double[] x = range(1000);
        long[] shape = {10, 100};
        double[] wrongFirst = gradientOfSumOfCubes(x);
        wrongFirst[0] += 1;
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").maxElements(10).assertGradient("x", x, shape,
                SUM_OF_CUBES, wrongFirst)).hasMessageContaining("element [0, 0]")
                .hasMessageContaining("… (1000 values, row-major)]");
        double[] wrongLast = gradientOfSumOfCubes(x);
        wrongLast[999] -= 1;
        AssertionError e = catchThrowableOfType(AssertionError.class, () -> GradientCheck.of("sum(x^3)")
                .maxElements(10).assertGradient("x", x, shape, SUM_OF_CUBES, wrongLast));
        assertThat(e).hasMessageContaining("element [9, 99]");
        assertThat(e.getMessage()).containsPattern("1 of ([2-9]|10) checked elements differ");
    }

    @Test
    void toleranceAndStepAreConfigurable() {
        double[] x = {2.0};
        double[] slightlyOff = {12.001};
        assertThatThrownBy(() -> GradientCheck.of("x^3").assertGradient("x", x, new long[] {1}, SUM_OF_CUBES,
                slightlyOff)).isInstanceOf(AssertionError.class);
        assertThatCode(() -> GradientCheck.of("x^3").step(1e-4).tolerance(1e-3, 1e-6).assertGradient("x", x,
                new long[] {1}, SUM_OF_CUBES, slightlyOff)).doesNotThrowAnyException();
    }

    @Test
    void unravelGivesRowMajorIndices() {
        assertThat(GradientCheck.unravel(5, new long[] {2, 3})).containsExactly(1, 2);
        assertThat(GradientCheck.unravel(23, new long[] {2, 3, 4})).containsExactly(1, 2, 3);
        assertThat(GradientCheck.unravel(0, new long[] {})).isEmpty();
    }

    @Property(tries = 100, seed = "20240501")
    void anyOneWrongElementOfASmallInputIsFoundAtItsIndex(@ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 6) int cols, @ForAll @IntRange(min = 0, max = 35) int pick,
            @ForAll @DoubleRange(min = 0.01, max = 10) double error) {
        int n = rows * cols;
        int wrong = pick % n;
        double[] x = range(n);
        double[] analytic = gradientOfSumOfCubes(x);
        analytic[wrong] += error;
        assertThatThrownBy(() -> GradientCheck.of("sum(x^3)").assertGradient("x", x, new long[] {rows, cols},
                SUM_OF_CUBES, analytic)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("element [" + wrong / cols + ", " + wrong % cols + "]")
                .hasMessageContaining("1 of " + n + " checked elements differ");
    }
}

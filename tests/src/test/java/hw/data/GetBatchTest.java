package hw.data;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Todo("5.1")
@Label("Problem 5.1 Batches.getBatch")
class GetBatchTest {
    /** Data whose values tell their position: data[i] = 1000 + 3i, so a window's first value gives its start. */
    private static int[] positional(int n) {
        return IntStream.range(0, n).map(i -> 1000 + 3 * i).toArray();
    }

    /** The start of a window taken from {@link #positional} data, checked to be a whole window of it. */
    private static int startOf(String what, int[] window, int n) {
        int start = (window[0] - 1000) / 3;
        int[] expected = IntStream.range(start, start + window.length).map(i -> 1000 + 3 * i).toArray();
        if ((window[0] - 1000) % 3 != 0 || start < 0 || start + window.length > n
                || !Arrays.equals(window, expected)) {
            throw new AssertionError(what + " is " + Arrays.toString(window) + ", which is not a contiguous window"
                    + " of the data (data[i] = 1000 + 3·i for i < " + n + ")");
        }
        return start;
    }

    @Property(tries = 40, seed = "5101")
    @Label("B windows of T tokens, each a contiguous piece of the data; the targets are the same window shifted by one")
    @Points(2)
    void windowsAndShiftedTargets(@ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 1, max = 39) int t,
            @ForAll @IntRange(min = 1, max = 5) int b, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        int blockSize = Math.min(t, n - 1);
        int[] data = positional(n);
        Batch batch = Batches.getBatch(data, b, blockSize, new Random(seed));
        assertThat(batch.inputs()).as("inputs of getBatch(N = %d, B = %d, T = %d): B rows", n, b, blockSize).hasNumberOfRows(b);
        for (int row = 0; row < b; row++) {
            assertThat(batch.inputs()[row]).as("inputs row %d: T = %d tokens", row, blockSize).hasSize(blockSize);
            assertThat(batch.targets()[row]).as("targets row %d: T = %d tokens", row, blockSize).hasSize(blockSize);
            int in = startOf("inputs row " + row, batch.inputs()[row], n);
            int out = startOf("targets row " + row, batch.targets()[row], n);
            assertThat(out).as("targets row %d should start one token after inputs row %d (at %d), the token that"
                    + " follows each input", row, row, in + 1).isEqualTo(in + 1);
            assertThat(in).as("start of row %d: a window and its targets must fit in the %d tokens", row, n)
                    .isBetween(0, n - blockSize - 1);
        }
    }

    @Property(tries = 12, seed = "5102")
    @Label("every start 0 … N−T−1 occurs, the last one included, and none beyond it (N = T + 1 … T + 5)")
    @Points(2)
    void everyStartIsReachable(@ForAll @IntRange(min = 1, max = 6) int blockSize,
            @ForAll @IntRange(min = 1, max = 5) int starts, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        int n = blockSize + starts;
        int[] data = positional(n);
        Random rng = new Random(seed);
        Set<Integer> seen = new TreeSet<>();
        for (int k = 0; k < 200; k++) {
            Batch batch = Batches.getBatch(data, 4, blockSize, rng);
            for (int row = 0; row < 4; row++) {
                seen.add(startOf("inputs row " + row, batch.inputs()[row], n));
                startOf("targets row " + row, batch.targets()[row], n);
            }
        }
        Set<Integer> all = new TreeSet<>();
        IntStream.range(0, starts).forEach(all::add);
        assertThat(seen).as("the starts seen in 800 windows of T = %d from N = %d tokens (valid: 0 … %d)", blockSize,
                n, starts - 1).isEqualTo(all);
    }

    @Example
    @Label("a seed fixes the batch: the starts are rng.nextInt(N − T), one draw per window, for b = 0 … B−1 in order")
    @Points(1)
    void seededDeterminism() {
        int n = 50, blockSize = 7, b = 6;
        int[] data = positional(n);
        Batch first = Batches.getBatch(data, b, blockSize, new Random(2024));
        Batch again = Batches.getBatch(data, b, blockSize, new Random(2024));
        assertThat(again.inputs()).as("inputs of two batches drawn with the same seed").isDeepEqualTo(first.inputs());
        Random replay = new Random(2024);
        int[] expected = new int[b];
        int[] actual = new int[b];
        for (int row = 0; row < b; row++) {
            expected[row] = replay.nextInt(n - blockSize);
            actual[row] = startOf("inputs row " + row, first.inputs()[row], n);
        }
        assertThat(actual).as("the starts of the B = %d windows (seed 2024, N = %d, T = %d)", b, n, blockSize)
                .containsExactly(expected);
    }
}

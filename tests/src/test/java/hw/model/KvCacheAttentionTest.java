package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

@Todo("7.1")
@Label("Problem 7.1 MultiHeadAttention with a KV cache")
class KvCacheAttentionTest {

    @Property(tries = 8, seed = "7101")
    @Label("read chunk by chunk through the cache, the output equals one causal forward over the whole sequence")
    @Points(3)
    void chunkedEqualsWhole(@ForAll @IntRange(min = 0, max = 2) int headChoice,
            @ForAll @IntRange(min = 2, max = 9) int time, @ForAll @IntRange(min = 1, max = 2) int batch,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int heads = new int[] {1, 2, 4}[headChoice];
        Random random = new Random(seed);
        MultiHeadAttention attention = new MultiHeadAttention(8, heads, true, 0.0, true, 12, random);
        INDArray x = Values.normal(random, 1.0, batch, time, 8);
        int[] sizes = chunks(random, time);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            INDArray whole = attention.forward(Tensor.constant(x)).data();
            int start = 0;
            for (int size : sizes) {
                INDArray y = cachedForward(attention, positions(x, start, size), start);
                Expect.close("output for positions " + start + ".." + (start + size - 1) + " read through the cache"
                                + " (chunks " + Arrays.toString(sizes) + ", " + heads + " heads, batch " + batch
                                + ") vs the same positions of one forward pass. The new tokens' queries must see"
                                + " every cached key and the new keys up to their own position: new token i is at"
                                + " position cached + i (futureMask(T_new, cached + T_new)); with a single new"
                                + " token no mask is needed, with several it is",
                        positions(whole, start, size), y, 1e-9);
                start += size;
                assertThat(attention.cachedLength()).as("cachedLength() after reading chunks %s up to position %d",
                        Arrays.toString(sizes), start - 1).isEqualTo(start);
            }
        }
    }

    @Example
    @Label("it never holds more than maxSeqLen positions: appending past that is an IllegalStateException that"
            + " leaves the cache as it was")
    @Points(2)
    void bounded() {
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.0, true, 5, new Random(7102));
        Random random = new Random(1);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            attention.forward(input(random, 3), null, true);
            attention.forward(input(random, 2), null, true);
            assertThat(attention.cachedLength()).as("cachedLength() after appending 3 and 2 positions (maxSeqLen = 5:"
                    + " exactly full is allowed)").isEqualTo(5);
            assertThatThrownBy(() -> attention.forward(input(random, 1), null, true))
                    .as("appending 1 position to a cache holding maxSeqLen = 5 should be refused")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(attention.cachedLength()).as("cachedLength() after the refused append (maxSeqLen = 5)")
                    .isEqualTo(5);
            MultiHeadAttention fresh = new MultiHeadAttention(8, 2, true, 0.0, true, 5, new Random(7102));
            assertThatThrownBy(() -> fresh.forward(input(random, 6), null, true))
                    .as("appending 6 positions to an empty cache with maxSeqLen = 5 should be refused")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(fresh.cachedLength()).as("cachedLength() after refusing 6 positions into an empty cache")
                    .isEqualTo(0);
        }
    }

    @Example
    @Label("clearCache empties it: afterwards the layer reads a new sequence as if it were fresh")
    @Points(1)
    void clearing() {
        Random random = new Random(7103);
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.0, true, 8, random);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            INDArray first = Values.normal(random, 1.0, 1, 4, 8);
            attention.forward(Tensor.constant(positions(first, 0, 2)), null, true);
            attention.forward(Tensor.constant(positions(first, 2, 2)), null, true);
            attention.clearCache();
            assertThat(attention.cachedLength()).as("cachedLength() after clearCache()").isEqualTo(0);
            INDArray second = Values.normal(random, 1.0, 1, 3, 8);
            INDArray whole = attention.forward(Tensor.constant(second)).data();
            INDArray y1 = attention.forward(Tensor.constant(positions(second, 0, 1)), null, true).data();
            INDArray y2 = attention.forward(Tensor.constant(positions(second, 1, 2)), null, true).data();
            Expect.close("after clearCache(), the first position of a new sequence read through the cache vs one"
                    + " forward pass (is anything of the earlier sequence still seen?)", positions(whole, 0, 1), y1, 1e-9);
            Expect.close("after clearCache(), positions 1..2 of a new sequence", positions(whole, 1, 2), y2, 1e-9);
        }
    }

    @Example
    @Label("a given mask is used as it is: with one that hides nothing, the new queries see every cached and new"
            + " key")
    @Points(1)
    void givenMask() {
        Random random = new Random(7104);
        MultiHeadAttention causal = new MultiHeadAttention(8, 2, true, 0.0, true, 8, random);
        MultiHeadAttention open = new MultiHeadAttention(8, 2, false, 0.0, true, 8, new Random(0));
        open.loadStateDict(causal.stateDict());
        INDArray x = Values.normal(random, 1.0, 1, 5, 8);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            causal.forward(Tensor.constant(positions(x, 0, 2)), Nd4j.zeros(DataType.DOUBLE, 2, 2), true);
            INDArray y = causal.forward(Tensor.constant(positions(x, 2, 3)), Nd4j.zeros(DataType.DOUBLE, 3, 5), true)
                    .data();
            INDArray expected = positions(open.forward(Tensor.constant(x)).data(), 2, 3);
            Expect.close("positions 2..4 read through the cache with an all-zero mask [3, 5] (nothing hidden) vs the"
                    + " same layer without causal masking; a given mask replaces the default causal one", expected,
                    y, 1e-9);
        }
    }

    /** A cached forward pass whose failure says where it happened and what usually causes it. */
    private static INDArray cachedForward(MultiHeadAttention attention, INDArray x, int cached) {
        try {
            return attention.forward(Tensor.constant(x), null, true).data();
        } catch (UnsupportedOperationException e) {
            throw e; // not implemented yet: the grader names the TODO
        } catch (RuntimeException e) {
            throw new AssertionError("reading " + x.size(1) + " new positions through a cache holding " + cached
                    + " failed: " + e + "\nWith a cache the keys and values [B, cached + T_new, C] are longer than the"
                    + " queries [B, T_new, C]: attend must split each with its own length, and the mask is"
                    + " [T_new, cached + T_new]", e);
        }
    }

    /** Random sizes ≥ 1 adding up to {@code total}, at least two chunks. */
    static int[] chunks(Random random, int total) {
        int[] sizes = new int[total];
        int n = 0, left = total;
        while (left > 0) {
            int size = n == 0 ? 1 + random.nextInt(Math.max(1, left - 1)) : 1 + random.nextInt(left);
            sizes[n++] = size;
            left -= size;
        }
        return Arrays.copyOf(sizes, n);
    }

    /** Positions start … start + length − 1 of [B, T, C]. */
    static INDArray positions(INDArray x, int start, int length) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(start, start + length), NDArrayIndex.all()).dup();
    }

    private static Tensor input(Random random, int time) {
        return Tensor.constant(Values.normal(random, 1.0, 1, time, 8));
    }
}

package hw.model;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.GradMode;
import hw.testkit.Expect;
import hw.testkit.TinyGpt;
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

@Todo("7.2")
@Label("Problem 7.2 GPT with the KV cache")
class KvCacheGptTest {

    @Property(tries = 6, seed = "7201")
    @Label("read chunk by chunk through the cache, the logits equal those of one forward pass over the whole"
            + " sequence")
    @Points(3)
    void chunkedEqualsWhole(@ForAll @IntRange(min = 2, max = 10) int time, @ForAll @IntRange(min = 1, max = 2) int heads,
            @ForAll boolean tied, @ForAll @IntRange(min = 1, max = 2) int batch,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        GPT gpt = TinyGpt.random(seed, 13, 10, 2, heads, 8, 0.0, tied);
        Random random = new Random(seed);
        int[][] ids = Values.ids(random, batch, time, 13);
        int[] sizes = KvCacheAttentionTest.chunks(random, time);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            INDArray whole = gpt.forward(ids).data();
            int start = 0;
            for (int size : sizes) {
                INDArray logits = gpt.forward(columns(ids, start, size), true).data();
                Expect.close("logits of positions " + start + ".." + (start + size - 1) + " read through the cache"
                                + " (chunks " + Arrays.toString(sizes) + ", " + TinyGpt.describe(gpt) + ", batch "
                                + batch + ") vs the same positions of one forward pass",
                        KvCacheAttentionTest.positions(whole, start, size), logits, 1e-9);
                start += size;
                assertThat(gpt.cachedLength()).as("GPT.cachedLength() after reading chunks %s up to position %d",
                        Arrays.toString(sizes), start - 1).isEqualTo(start);
                for (int layer = 0; layer < gpt.blocks().size(); layer++) {
                    assertThat(gpt.blocks().get(layer).attention().cachedLength())
                            .as("layer %d's cachedLength() after %d tokens: every block must read through its cache",
                                    layer, start).isEqualTo(start);
                }
            }
        }
    }

    @Example
    @Label("a token read after n cached ones gets position n (attention switched off: only its position tells the"
            + " steps apart)")
    @Points(2)
    void positionOffset() {
        GPT gpt = TinyGpt.random(7202, 13, 8, 2, 2, 8, 0.0, false);
        for (TransformerBlock block : gpt.blocks()) {
            // The attention adds nothing to the residual stream: each position's logits depend only on its token
            // and its position.
            Values.set("attention output weight", block.attention().outputProjection().weight(),
                    Nd4j.zeros(DataType.DOUBLE, 8, 8));
            Values.set("attention output bias", block.attention().outputProjection().bias(),
                    Nd4j.zeros(DataType.DOUBLE, 8));
        }
        int[] ids = {3, 1, 4, 1, 5, 9, 2, 6};
        try (GradMode.Scope ignored = GradMode.disabled()) {
            INDArray whole = gpt.forward(new int[][] {ids}).data();
            for (int n = 1; n < ids.length; n++) {
                gpt.clearCache();
                gpt.forward(new int[][] {Arrays.copyOf(ids, n)}, true);
                INDArray step = gpt.forward(new int[][] {{ids[n]}}, true).data();
                INDArray expected = KvCacheAttentionTest.positions(whole, n, 1);
                String difference = Expect.difference(expected, step, 1e-9);
                if (difference != null) {
                    INDArray atZero = gpt.forward(new int[][] {{ids[n]}}).data();
                    boolean restarted = Expect.difference(atZero, step, 1e-9) == null;
                    throw new AssertionError("logits of token " + ids[n] + " read through the cache after " + n
                            + " cached tokens vs position " + n + " of one forward pass: " + difference
                            + (restarted ? "\nLikely cause: the new token got position 0, as if the sequence"
                                    + " restarted; it continues at position cachedLength() = " + n
                                    : "\nThe new tokens' positions are cachedLength() … cachedLength() + T − 1"));
                }
            }
        }
    }

    @Example
    @Label("clearCache empties every layer's cache; the next sequence then reads as in a fresh model")
    @Points(1)
    void clearing() {
        GPT gpt = TinyGpt.random(7203, 13, 8, 3, 2, 8, 0.0, true);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            gpt.forward(new int[][] {{1, 2, 3}}, true);
            gpt.forward(new int[][] {{4, 5}}, true);
            gpt.clearCache();
            assertThat(gpt.cachedLength()).as("GPT.cachedLength() after clearCache()").isEqualTo(0);
            for (int layer = 0; layer < 3; layer++) {
                assertThat(gpt.blocks().get(layer).attention().cachedLength())
                        .as("layer %d's cachedLength() after clearCache()", layer).isEqualTo(0);
            }
            int[][] next = {{7, 0, 11, 5}};
            INDArray whole = gpt.forward(next).data();
            INDArray first = gpt.forward(columns(next, 0, 1), true).data();
            INDArray rest = gpt.forward(columns(next, 1, 3), true).data();
            Expect.close("after clearCache(), logits of position 0 of a new sequence read through the cache",
                    KvCacheAttentionTest.positions(whole, 0, 1), first, 1e-9);
            Expect.close("after clearCache(), logits of positions 1..3 of a new sequence read through the cache",
                    KvCacheAttentionTest.positions(whole, 1, 3), rest, 1e-9);
        }
    }

    /** Columns start … start + length − 1 of every row. */
    static int[][] columns(int[][] ids, int start, int length) {
        int[][] out = new int[ids.length][];
        for (int b = 0; b < ids.length; b++) {
            out[b] = Arrays.copyOfRange(ids[b], start, start + length);
        }
        return out;
    }
}

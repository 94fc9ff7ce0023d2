package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.tensor.GradMode;
import hw.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The provided checks around the KV cache: capacities, clear errors, the offset causal mask. */
class KvCacheChecksTest {
    private static final GPTConfig CONFIG = new GPTConfig(10, 4, 2, 2, 8, 0.0, true, true, 7);

    @Test
    void everyLayerOfAGptHoldsAtMostBlockSizePositions() {
        GPT gpt = new GPT(CONFIG);
        assertThat(gpt.blocks()).allSatisfy(b -> assertThat(b.attention().maxSeqLen()).isEqualTo(4));
        assertThat(new MultiHeadAttention(8, 2, true, 0.0, true, new Random(0)).maxSeqLen())
                .isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> new MultiHeadAttention(8, 2, true, 0.0, true, 0, new Random(0)))
                .hasMessageContaining("maxSeqLen");
    }

    @Test
    void theCacheIsForInferenceOnly() {
        GPT gpt = new GPT(CONFIG);
        assertThatThrownBy(() -> gpt.forward(new int[][] {{1, 2}}, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inference");
        MultiHeadAttention attention = gpt.blocks().get(0).attention();
        assertThatThrownBy(() -> attention.forward(Tensor.zeros(1, 2, 8), null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GradMode.disabled()");
        assertThat(gpt.cachedLength()).isZero();
    }

    @Test
    void readingPastBlockSizeThroughTheCacheIsAClearError() {
        GPT gpt = new GPT(CONFIG);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            gpt.forward(new int[][] {{1, 2, 3}}, true);
            assertThatThrownBy(() -> gpt.forward(new int[][] {{4, 5}}, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds 3 tokens").hasMessageContaining("blockSize")
                    .hasMessageContaining("clearCache()");
            assertThat(gpt.cachedLength()).isEqualTo(3);
            gpt.forward(new int[][] {{4}}, true);
            assertThat(gpt.cachedLength()).isEqualTo(4);
            gpt.clearCache();
            assertThat(gpt.cachedLength()).isZero();
        }
    }

    @Test
    void anotherBatchSizeNeedsAnEmptyCache() {
        GPT gpt = new GPT(CONFIG);
        try (GradMode.Scope ignored = GradMode.disabled()) {
            gpt.forward(new int[][] {{1}, {2}}, true);
            assertThatThrownBy(() -> gpt.forward(new int[][] {{3}}, true))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 2 sequences");
        }
    }

    @Test
    void aGivenMaskMustFitQueriesByKeys() {
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.0, true, 8, new Random(1));
        try (GradMode.Scope ignored = GradMode.disabled()) {
            attention.forward(Tensor.zeros(1, 2, 8), null, true);
            assertThatThrownBy(() -> attention.forward(Tensor.zeros(1, 3, 8), Nd4j.zeros(DataType.DOUBLE, 3, 3), true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 5]");
            assertThatThrownBy(() -> attention.forward(Tensor.zeros(1, 3, 8), Nd4j.zeros(DataType.DOUBLE, 3), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask");
        }
    }

    @Test
    void theOffsetFutureMaskTreatsTheQueriesAsTheLastPositions() {
        // 2 queries at positions 3 and 4 of 5: the first may not see key 4, the second sees everything.
        assertThat(MultiHeadAttention.futureMask(2, 5).toDoubleMatrix())
                .isEqualTo(new double[][] {{0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}});
        assertThat(MultiHeadAttention.futureMask(3).toDoubleMatrix())
                .isEqualTo(new double[][] {{0, 1, 1}, {0, 0, 1}, {0, 0, 0}});
        assertThatThrownBy(() -> MultiHeadAttention.futureMask(3, 2)).hasMessageContaining("3 queries");
    }

    @Test
    void anExplicitCausalMaskGivesTheDefaultResult() {
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, 0.0, true, new Random(2));
        Tensor x = Tensor.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 8));
        assertThat(attention.forward(x, MultiHeadAttention.futureMask(4), false).data())
                .isEqualTo(attention.forward(x).data());
    }
}

package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.nn.Embedding;
import hw.nn.Linear;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The provided checks and plumbing around the student's model code: clear errors, modes, saving. */
class ModelChecksTest {
    private static final GPTConfig CONFIG = new GPTConfig(10, 4, 1, 2, 8, 0.1, true, true, 7);

    @Test
    void aContextLongerThanThePositionTableIsAClearError() {
        GPT gpt = new GPT(CONFIG);
        assertThatThrownBy(() -> gpt.forward(new int[][] {{1, 2, 3, 4, 5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 tokens").hasMessageContaining("blockSize");
    }

    @Test
    void badBatchesAreClearErrors() {
        GPT gpt = new GPT(CONFIG);
        assertThatThrownBy(() -> gpt.forward(new int[][] {{1, 2}, {3}})).hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> gpt.forward(new int[][] {{1, 10}})).hasMessageContaining("token id 10");
        assertThatThrownBy(() -> gpt.forward(new int[0][])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> gpt.forward(new int[][] {{1, 2}}, new int[][] {{1}})).hasMessageContaining("target row 0");
    }

    @Test
    void configurationsAreValidated() {
        assertThatThrownBy(() -> new GPTConfig(10, 4, 1, 3, 8, 0.0, true, true, 0)).hasMessageContaining("divide");
        assertThatThrownBy(() -> new GPTConfig(10, 4, 1, 2, 8, 1.0, true, true, 0)).hasMessageContaining("dropout");
        assertThat(CONFIG.headSize()).isEqualTo(4);
    }

    @Test
    void trainAndEvalReachEveryDropout() {
        GPT gpt = new GPT(CONFIG);
        gpt.eval();
        assertThat(gpt.modules()).noneMatch(m -> m.isTraining());
        gpt.train();
        assertThat(gpt.modules()).allMatch(m -> m.isTraining());
    }

    @Test
    void tiedModelsHaveNoSeparateHead() {
        assertThat(new GPT(CONFIG).lmHead()).isNull();
        GPT untied = new GPT(new GPTConfig(10, 4, 1, 2, 8, 0.0, false, false, 7));
        assertThat(untied.lmHead().weight().shape()).containsExactly(8, 10);
        assertThat(untied.namedParameters()).containsKey("lmHead.weight").doesNotContainKey("blocks.0.attention.query.bias");
    }

    @Test
    void aSavedModelLoadsIntoAFreshOne(@TempDir Path dir) throws Exception {
        GPT a = new GPT(CONFIG.withDropout(0.0));
        GPT b = new GPT(CONFIG.withDropout(0.0).withSeed(99));
        a.save(dir.resolve("gpt.bin"));
        b.load(dir.resolve("gpt.bin"));
        int[][] ids = {{1, 2, 3, 4}};
        try (GradMode.Scope ignored = GradMode.disabled()) {
            assertThat(b.forward(ids).data()).isEqualTo(a.forward(ids).data());
        }
        GPT wider = new GPT(new GPTConfig(10, 4, 1, 2, 12, 0.0, true, true, 7));
        assertThatThrownBy(() -> wider.load(dir.resolve("gpt.bin"))).hasMessageContaining("has shape");
    }

    @Test
    void idsInLongTensorsWork() {
        GPT gpt = new GPT(CONFIG.withDropout(0.0));
        Tensor ids = Tensor.constant(Nd4j.createFromArray(new long[][] {{1, 2, 3}}));
        assertThat(gpt.forward(ids).data()).isEqualTo(gpt.forward(new int[][] {{1, 2, 3}}).data());
        assertThat(gpt.forward(ids, ids).loss().item()).isPositive();
    }

    @Test
    void attentionWeightsLoadWithShapeChecks() {
        MultiHeadAttention attention = new MultiHeadAttention(4, 2, true, 0.0, false, new Random(1));
        var w = Nd4j.ones(DataType.DOUBLE, 4, 4);
        attention.loadQueryKeyValue(w, w, w, null, null, null);
        assertThatThrownBy(() -> attention.loadQueryKeyValue(Nd4j.ones(DataType.DOUBLE, 4, 3), w, w, null, null, null))
                .hasMessageContaining("query weight has shape [4, 3]");
        assertThatThrownBy(() -> attention.loadQueryKeyValue(w, w, w, Nd4j.ones(DataType.DOUBLE, 4), null, null))
                .hasMessageContaining("has none");
        assertThatThrownBy(() -> attention.forward(Tensor.zeros(2, 3))).hasMessageContaining("[B, T, 4]");
    }

    @Test
    void modulesNameTheShapeTheyExpect() {
        Linear linear = new Linear(3, 2, true, new Random(1));
        assertThatThrownBy(() -> linear.forward(Tensor.zeros(2, 4))).hasMessageContaining("does not end in 3");
        assertThat(linear.forward(Tensor.ones(3)).shape()).containsExactly(2);
        Embedding embedding = new Embedding(5, 2, new Random(1));
        assertThatThrownBy(() -> embedding.forward(new int[][] {{1, 2}, {3}})).hasMessageContaining("equal length");
        assertThat(embedding.forward(new int[][] {{1, 2}, {3, 4}}).shape()).containsExactly(2, 2, 2);
    }
}

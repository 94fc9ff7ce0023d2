package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.model.GPT;
import hw.model.LanguageModel;
import hw.nn.Module;
import hw.tensor.GradMode;
import hw.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The provided parts of Batches: argument checks, the sampler, estimateLoss. */
class BatchesTest {

    @Test
    void badSizesAreClearErrorsBeforeAnyWindowIsCut() {
        int[] data = new int[10];
        assertThatThrownBy(() -> Batches.getBatch(data, 0, 3, new Random(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize = 0");
        assertThatThrownBy(() -> Batches.getBatch(data, 2, -1, new Random(0))).hasMessageContaining("blockSize = -1");
        assertThatThrownBy(() -> Batches.getBatch(data, 2, 10, new Random(0)))
                .hasMessageContaining("10 tokens are too few").hasMessageContaining("at least 11");
        assertThatThrownBy(() -> Batches.sampler(data, 2, 10, new Random(0))).hasMessageContaining("at least 11");
    }

    @Test
    void theSamplerDrawsFromItsRandomSource() {
        int[] data = java.util.stream.IntStream.range(0, 50).toArray();
        var sampler = Batches.sampler(data, 3, 4, new Random(5));
        Random replay = new Random(5);
        for (int k = 0; k < 3; k++) {
            Batch expected = Batches.getBatch(data, 3, 4, replay);
            Batch batch = sampler.get();
            assertThat(batch.inputs()).isDeepEqualTo(expected.inputs());
            assertThat(batch.targets()).isDeepEqualTo(expected.targets());
        }
    }

    @Test
    void estimateLossAveragesInEvalModeWithoutGradientsAndRestoresTheMode() {
        for (boolean training : new boolean[] {true, false}) {
            FixedLoss model = new FixedLoss(1.0, 2.0, 6.0);
            model.train(training);
            Batch batch = new Batch(new int[][] {{0}}, new int[][] {{1}});
            assertThat(Batches.estimateLoss(model, () -> batch, 3)).isEqualTo(3.0);
            assertThat(model.seenTraining).containsExactly(false, false, false);
            assertThat(model.seenGradMode).containsExactly(false, false, false);
            assertThat(model.isTraining()).isEqualTo(training);
            assertThat(GradMode.isEnabled()).isTrue();
        }
        assertThatThrownBy(() -> Batches.estimateLoss(new FixedLoss(), () -> null, 0)).hasMessageContaining("nBatches");
    }

    /** A model whose loss on the k-th batch is the k-th given number; it records its mode at each call. */
    static final class FixedLoss extends Module implements LanguageModel {
        final double[] losses;
        final List<Boolean> seenTraining = new ArrayList<>();
        final List<Boolean> seenGradMode = new ArrayList<>();
        int calls;

        FixedLoss(double... losses) {
            this.losses = losses;
        }

        @Override
        public Tensor forward(int[][] ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GPT.Output forward(int[][] ids, int[][] targets) {
            seenTraining.add(isTraining());
            seenGradMode.add(GradMode.isEnabled());
            return new GPT.Output(null, Tensor.scalar(losses[calls++]));
        }

        @Override
        public int vocabSize() {
            return 2;
        }

        @Override
        public int blockSize() {
            return 1;
        }
    }
}

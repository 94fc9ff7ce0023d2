package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;

import hw.data.Batch;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.nn.Functions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairBatchesTest {
    private static final SpecialIds SPECIALS = new SpecialIds(0, 1, 2);

    private static List<EncodedPair> pairs(int n) {
        List<EncodedPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EncodedPair(new int[] {10 + i}, new int[] {30 + i, 50}));
        }
        return out;
    }

    @Test
    void anEpochVisitsEveryPairOnceAndASeedFixesTheOrder() {
        PairBatches a = new PairBatches(pairs(10), 3, 6, SPECIALS, 5), b = new PairBatches(pairs(10), 3, 6, SPECIALS, 5);
        assertThat(a.batchesPerEpoch()).isEqualTo(3);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            TranslationBatch batch = a.next();
            assertThat(batch.inputIds()).isDeepEqualTo(b.next().inputIds());
            for (int[] row : batch.inputIds()) {
                assertThat(seen.add(row[0])).as("pair %d twice in one epoch", row[0]).isTrue();
            }
        }
        assertThat(seen).hasSize(9);
    }

    @Test
    void theTrainersBatchCarriesTheWeightsAsIgnoredLabels() {
        Batch batch = new PairBatches(pairs(4), 2, 6, SPECIALS, 1).get();
        // Row: g DE e1 e2 EN pad → labels DE e1 e2 EN pad pad, weights 0 1 1 1 0 0.
        for (int[] targets : batch.targets()) {
            assertThat(targets[0]).isEqualTo(TranslationBatch.IGNORED);
            assertThat(targets[3]).isEqualTo(2);
            assertThat(targets[4]).isEqualTo(TranslationBatch.IGNORED);
        }
    }

    @Test
    void theTranslationModelsLossIsTheMaskedLoss() {
        TranslationBatch batch = Collate.collate(pairs(3), 7, SPECIALS);
        GPT gpt = new GPT(new GPTConfig(60, 7, 1, 1, 8, 0.0, true, true, 3));
        TranslationModel model = new TranslationModel(gpt);
        Batch asBatch = batch.asBatch();
        double viaModel = model.forward(asBatch.inputs(), asBatch.targets()).loss().item();
        double direct = MaskedLoss.loss(gpt.forward(batch.inputIds()), batch.labels(), batch.labelWeights()).item();
        assertThat(viaModel).isEqualTo(direct);
        double plain = gpt.forward(batch.inputIds(), batch.labels()).loss().item();
        assertThat(viaModel).as("differs from the mean over every position").isNotEqualTo(plain);
        assertThat(model.parameterCount()).isEqualTo(gpt.parameterCount());
        assertThat(Functions.class).isNotNull();
    }

    @Test
    void onlyPairsThatFitAreTrainedOn() {
        SubwordTokenizer t = SubwordTokenizer.learn(List.of(new TranslationPair("a b", "c d"),
                new TranslationPair("a b a b a b a b", "c")), 20);
        List<EncodedPair> fitting = PairBatches.encodeFitting(t, List.of(new TranslationPair("a b", "c d"),
                new TranslationPair("a b a b a b a b", "c")), 10);
        assertThat(fitting).hasSize(1);
        assertThat(fitting.get(0).length()).isLessThanOrEqualTo(10);
    }
}

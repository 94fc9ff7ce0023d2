package hw.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration and the loss history go to JSON and come back equal; a NaN loss is a JSON null. */
class CheckpointJsonTest {

    @Test
    void theConfigurationComesBackEqual() {
        TrainerConfig config = TrainerConfig.builder().steps(30).batchSize(3).blockSize(5).gradAccumulationSteps(2)
                .maxLr(2e-3).minLr(1e-4).warmupSteps(4).clipNorm(0.5).evalInterval(10).evalBatches(2)
                .checkpointDir(Path.of("runs", "x", "checkpoint")).checkpointInterval(10).logInterval(7)
                .quiet(true).seed(42).build();
        TrainerConfig back = CheckpointJson.config(CheckpointJson.config(config));
        assertThat(back).isEqualTo(config);
        assertThat(config.differences(back)).isEmpty();
        JsonObject nulls = CheckpointJson.config(TrainerConfig.builder().build());
        assertThat(nulls.get("outputDir").isJsonNull()).isTrue();
        assertThat(CheckpointJson.config(nulls).outputDir()).isNull();
    }

    @Test
    void theHistoryComesBackWithItsUnmeasuredValues() {
        TrainingHistory history = new TrainingHistory(List.of(
                new TrainingHistory.Row(0, Double.NaN, Double.NaN, 2.5, 2.6),
                new TrainingHistory.Row(1, 1e-3, 2.4, Double.NaN, Double.NaN)));
        var json = CheckpointJson.history(history);
        assertThat(json.get(1).getAsJsonArray().get(3).isJsonNull()).as("NaN is written as null").isTrue();
        assertThat(CheckpointJson.history(json).rows()).isEqualTo(history.rows());
    }
}

package hw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.model.GPTConfig;
import org.junit.jupiter.api.Test;

/** What a checkpoint must share with the model it is loaded into (the failures through load: TrainerTest). */
class CheckpointCompatibilityTest {
    private static final GPTConfig SAVED = new GPTConfig(11, 8, 1, 2, 8, 0.0, true, true, 1);

    @Test
    void dropoutAndTheSeedMayDifferTheStructureMayNot() {
        assertThat(CheckpointCompatibility.structuralDifferences(SAVED,
                new GPTConfig(11, 8, 1, 2, 8, 0.2, true, true, 99))).isEmpty();
        assertThat(CheckpointCompatibility.structuralDifferences(SAVED,
                new GPTConfig(12, 8, 2, 2, 8, 0.0, true, true, 1)))
                .containsExactly("vocabSize 11 in the checkpoint, 12 here", "nLayer 1 in the checkpoint, 2 here");
        assertThatThrownBy(() -> CheckpointCompatibility.checkStructure("cannot load x: ", SAVED,
                new GPTConfig(11, 16, 1, 2, 8, 0.0, true, true, 1)))
                .hasMessage("cannot load x: it was saved from a GPT of another shape (blockSize 8 in the checkpoint,"
                        + " 16 here)");
        CheckpointCompatibility.checkStructure("x", null, SAVED); // nothing recorded: nothing to compare
    }

    @Test
    void theDropoutModulesMustBeAsMany() {
        CheckpointCompatibility.checkDropouts("x: ", 3, 3);
        assertThatThrownBy(() -> CheckpointCompatibility.checkDropouts("x: ", 3, 2))
                .hasMessage("x: it has the random state of 3 dropout modules, this model has 2");
    }
}

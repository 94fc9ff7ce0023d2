package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provided parts of BigramLM: construction, checks, modes, saving. */
class BigramChecksTest {

    @Test
    void theTableIsOneSeededParameterNearZero() {
        BigramLM a = new BigramLM(30, 4), b = new BigramLM(30, 4);
        assertThat(a.namedParameters()).containsOnlyKeys("table");
        assertThat(a.table().shape()).containsExactly(30, 30);
        assertThat(a.table().data()).isEqualTo(b.table().data());
        double std = a.table().data().stdNumber().doubleValue();
        assertThat(std).isBetween(0.8 * BigramLM.INIT_STD, 1.2 * BigramLM.INIT_STD);
        assertThat(a.blockSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(a.vocabSize()).isEqualTo(30);
        assertThatThrownBy(() -> new BigramLM(0, 1)).hasMessageContaining("vocabSize");
    }

    @Test
    void badIdsAreClearErrors() {
        BigramLM model = new BigramLM(4, 0);
        assertThatThrownBy(() -> model.forward(new int[][] {{1, 4}})).hasMessageContaining("token id 4 at [0, 1]");
        assertThatThrownBy(() -> model.forward(new int[][] {{1, 2}, {3}})).hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> model.forward(new int[0][])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> model.forward(new int[][] {{1, 2}}, new int[][] {{1}})).hasMessageContaining("target row 0");
        assertThatThrownBy(() -> model.generate(new int[0], 3, new Random(0))).hasMessageContaining("at least one token");
        assertThatThrownBy(() -> model.generate(new int[] {1}, -1, new Random(0))).hasMessageContaining("newTokens");
        assertThatThrownBy(() -> model.generate(new int[] {9}, 1, new Random(0))).hasMessageContaining("token id 9");
    }

    @Test
    void generateRestoresTheModeAndAddsNothingForZeroTokens() {
        BigramLM model = new BigramLM(4, 0);
        assertThat(model.generate(new int[] {1, 2}, 0, new Random(0))).containsExactly(1, 2);
        assertThat(model.isTraining()).isTrue();
        model.eval();
        model.generate(new int[] {1}, 5, new Random(0));
        assertThat(model.isTraining()).isFalse();
        assertThat(model.table().grad()).isNull();
    }

    @Test
    void saveAndLoad(@TempDir Path dir) throws Exception {
        BigramLM model = new BigramLM(5, 1);
        model.save(dir.resolve("bigram.bin"));
        BigramLM other = new BigramLM(5, 2);
        other.load(dir.resolve("bigram.bin"));
        assertThat(other.table().data()).isEqualTo(model.table().data());
    }
}

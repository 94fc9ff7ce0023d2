package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void theFirstFractionTrainsTheRestValidates() {
        int[] tokens = IntStream.range(0, 10).toArray();
        Split split = Split.of(tokens, 0.9 - 1e-12);
        assertThat(split.train()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(split.validation()).containsExactly(8, 9);
        Split half = Split.of(tokens, 0.5);
        assertThat(half.train()).containsExactly(0, 1, 2, 3, 4);
        assertThat(half.validation()).containsExactly(5, 6, 7, 8, 9);
    }

    @Test
    void badFractionsAndTooSmallPartsAreClearErrors() {
        int[] tokens = IntStream.range(0, 10).toArray();
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Split.of(tokens, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(0, 1)");
        }
        assertThatThrownBy(() -> Split.of(tokens, 0.95)).hasMessageContaining("9 training and 1 validation");
        assertThatThrownBy(() -> Split.of(tokens, 0.1)).hasMessageContaining("1 training and 9 validation");
        assertThatThrownBy(() -> Split.of(new int[3], 0.5)).hasMessageContaining("at least 2");
    }
}

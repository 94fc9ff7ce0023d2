package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.model.BigramLM;
import hw.model.GPT;
import hw.model.GPTConfig;
import org.junit.jupiter.api.Test;

/** The provided parts of Perplexity: argument checks and the window length. */
class PerplexityChecksTest {

    @Test
    void tooFewTokensAndIdsOutsideTheVocabularyAreClearErrors() {
        BigramLM model = new BigramLM(5, 0);
        assertThatThrownBy(() -> Perplexity.perplexity(model, new int[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 tokens");
        assertThatThrownBy(() -> Perplexity.negativeLogLikelihood(model, new int[] {1, 5}))
                .hasMessageContaining("token id 5 at position 1").hasMessageContaining("[0, 5)");
    }

    @Test
    void theWindowIsTheContextCappedByTheTextAndMaxWindow() {
        GPT gpt = new GPT(new GPTConfig(7, 4, 1, 1, 4, 0.0, true, true, 0));
        assertThat(Perplexity.windowLength(gpt, 100)).isEqualTo(4);
        assertThat(Perplexity.windowLength(gpt, 3)).isEqualTo(2);
        assertThat(Perplexity.windowLength(new BigramLM(3, 0), 5000)).isEqualTo(Perplexity.MAX_WINDOW);
    }

    @Test
    void aBigramModelsPerplexityIsTheSameInAnyWindowing() {
        BigramLM model = new BigramLM(6, 3);
        model.table().data().muli(100); // far from uniform
        int[] tokens = new java.util.Random(1).ints(3000, 0, 6).toArray();
        double whole = 0;
        for (int i = 1; i < tokens.length; i++) {
            double[] row = model.table().data().getRow(tokens[i - 1]).toDoubleVector();
            double max = java.util.Arrays.stream(row).max().orElseThrow();
            double lse = max + Math.log(java.util.Arrays.stream(row).map(x -> Math.exp(x - max)).sum());
            whole += lse - row[tokens[i]];
        }
        assertThat(Perplexity.negativeLogLikelihood(model, tokens)).isCloseTo(whole / (tokens.length - 1),
                org.assertj.core.api.Assertions.within(1e-9));
    }
}

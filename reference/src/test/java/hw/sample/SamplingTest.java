package hw.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.model.GPT;
import hw.model.GPTConfig;
import hw.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The provided sampling code: options, the next-token rule, the checks and modes around every sampler. */
class SamplingTest {
    private static final GPTConfig CONFIG = new GPTConfig(10, 6, 2, 2, 8, 0.2, true, true, 3);

    /** A generator whose nextDouble() returns fixed numbers. */
    private static final class Fixed extends Random {
        private final double[] values;
        private int next;

        Fixed(double... values) {
            this.values = values;
        }

        @Override
        public double nextDouble() {
            return values[next++];
        }

        int drawn() {
            return next;
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> SamplingOptions.sampling(0.0, 0, 1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> SamplingOptions.sampling(Double.NaN, 0, 1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> SamplingOptions.sampling(1.0, -1, 1)).hasMessageContaining("topK");
        assertThat(new SamplingOptions(0.0, 0, true, 1).greedy()).isTrue(); // greedy ignores the temperature
        assertThat(SamplingOptions.defaults()).isEqualTo(new SamplingOptions(1.0, 0, false, 0));
        assertThat(SamplingOptions.defaults().withTopK(5).withSeed(9).withTemperature(0.5))
                .isEqualTo(new SamplingOptions(0.5, 5, false, 9));
    }

    @Test
    void greedyTakesTheLowestIdOfTheLargestLogitAndDrawsNothing() {
        Fixed rng = new Fixed();
        assertThat(NextToken.choose(new double[] {1, 3, 3, 2}, SamplingOptions.greedyDecoding(), rng)).isEqualTo(1);
        assertThat(rng.drawn()).isZero();
    }

    @Test
    void samplingInvertsTheCumulativeDistributionInIdOrder() {
        double[] logits = {Math.log(0.2), Math.log(0.5), Math.log(0.3)};
        SamplingOptions options = SamplingOptions.defaults();
        assertThat(NextToken.choose(logits, options, new Fixed(0.1))).isEqualTo(0);
        assertThat(NextToken.choose(logits, options, new Fixed(0.69))).isEqualTo(1);
        assertThat(NextToken.choose(logits, options, new Fixed(0.71))).isEqualTo(2);
        assertThat(NextToken.choose(logits, options, new Fixed(0.9999999))).isEqualTo(2);
    }

    @Test
    void theTemperatureSharpensOrFlattens() {
        double[] logits = {0, 1}; // p(0) = 0.27 at temperature 1, 0.4975 at 100, ~0 at 0.01
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(1, 0, 0), new Fixed(0.45))).isEqualTo(1);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(100, 0, 0), new Fixed(0.45))).isEqualTo(0);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(0.01, 0, 0), new Fixed(1e-6))).isEqualTo(1);
    }

    @Test
    void topKKeepsTheKLargestTheLowerIdsOnATieAndStillDrawsOnce() {
        double[] logits = {1, 3, 3, 2};
        Fixed rng = new Fixed(0.0, 0.99, 0.99);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(1, 1, 0), rng)).isEqualTo(1);
        assertThat(rng.drawn()).isEqualTo(1);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(1, 2, 0), rng)).isEqualTo(2);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(1, 3, 0), rng)).isEqualTo(3);
        assertThat(NextToken.choose(logits, SamplingOptions.sampling(1, 10, 0), new Fixed(0.0))).isEqualTo(0);
    }

    @Test
    void brokenLogitsAreAnError() {
        assertThatThrownBy(() -> NextToken.choose(new double[] {0, Double.NaN}, SamplingOptions.defaults(), new Random()))
                .hasMessageContaining("token 1");
    }

    @Test
    void theRuleReadsTheLastPosition() {
        NextToken next = new NextToken(SamplingOptions.greedyDecoding());
        Tensor logits = Tensor.of(new double[] {9, 0, 0, 0, 0, 9}, 1, 2, 3); // position 0 prefers 0, position 1 id 2
        assertThat(next.afterLast(logits)).isEqualTo(2);
        assertThatThrownBy(() -> next.afterLast(Tensor.zeros(2, 2, 3))).hasMessageContaining("[1, T, V]");
    }

    @Test
    void badRequestsAreClearErrorsForEverySampler() {
        GPT gpt = new GPT(CONFIG);
        for (Sampler sampler : new Sampler[] {new NaiveSampler(), new CachedSampler()}) {
            SamplingOptions o = SamplingOptions.defaults();
            assertThatThrownBy(() -> sampler.generate(gpt, new int[0], 3, o)).hasMessageContaining("prompt is empty");
            assertThatThrownBy(() -> sampler.generate(gpt, new int[] {1, 10}, 3, o))
                    .hasMessageContaining("prompt token 1 is 10").hasMessageContaining("[0, 10)");
            assertThatThrownBy(() -> sampler.generate(gpt, new int[] {-1}, 3, o)).hasMessageContaining("-1");
            assertThatThrownBy(() -> sampler.generate(gpt, new int[] {1}, -1, o)).hasMessageContaining("-1 tokens");
            assertThatThrownBy(() -> sampler.generate(gpt, new int[] {1}, 3, null)).hasMessageContaining("options");
        }
    }

    @Test
    void theNaiveSamplerRunsInEvalModeAndRestoresTheMode() {
        GPT gpt = new GPT(CONFIG); // dropout 0.2: training mode would make samples differ
        Sampler naive = new NaiveSampler();
        SamplingOptions o = SamplingOptions.sampling(1.0, 0, 11);
        int[] first = naive.generate(gpt, new int[] {1, 2}, 9, o);
        assertThat(gpt.isTraining()).isTrue();
        assertThat(naive.generate(gpt, new int[] {1, 2}, 9, o)).containsExactly(first);
        gpt.eval();
        assertThat(naive.generate(gpt, new int[] {1, 2}, 9, o)).containsExactly(first);
        assertThat(gpt.isTraining()).isFalse();
        assertThat(naive.generate(gpt, new int[] {4}, 0, o)).containsExactly(4);
    }

    @Test
    void bothSamplersAgreeAndTheComparisonSaysSo() {
        GPT gpt = new GPT(CONFIG);
        SamplerComparison.Result result = SamplerComparison.compare(gpt, new int[] {1, 2, 3}, 8,
                SamplingOptions.sampling(0.8, 3, 5), 0, 1);
        assertThat(result.sameTokens()).isTrue();
        assertThat(result.naiveTokensPerSecond()).isPositive();
        assertThat(result.cachedTokensPerSecond()).isPositive();
        assertThat(result.describe()).contains("tokens/s").contains("naive").contains("cached").contains("same tokens");
        assertThatThrownBy(() -> SamplerComparison.compare(gpt, new int[] {1}, 0, SamplingOptions.defaults()))
                .hasMessageContaining("newTokens");
    }

    @Test
    void theWindowIsTheLastBlockSizeTokens() {
        int[] tokens = {1, 2, 3, 4, 5, 0, 0};
        assertThat(AbstractSampler.window(tokens, 5, 3)).isEqualTo(new int[][] {{3, 4, 5}});
        assertThat(AbstractSampler.window(tokens, 2, 3)).isEqualTo(new int[][] {{1, 2}});
    }
}

package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.testkit.Values;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

@Todo("5.3")
@Label("Problem 5.3 BigramLM.generate")
class BigramGenerateTest {

    private static BigramLM withTable(double[][] rows) {
        BigramLM model = new BigramLM(rows.length, 0);
        Values.set("BigramLM.table", model.table(), Nd4j.create(rows).castTo(DataType.DOUBLE));
        return model;
    }

    @Example
    @Label("one allowed successor per token (logit 1000, the rest 0): the prompt, then the chain from its LAST token")
    @Points(2)
    void deterministicChain() {
        int vocab = 7;
        double[][] rows = new double[vocab][vocab];
        for (int v = 0; v < vocab; v++) {
            rows[v][(3 * v + 2) % vocab] = 1000; // exp(1000) overflows unless the maximum is subtracted
        }
        BigramLM model = withTable(rows);
        int[] prompt = {4, 1, 5};
        int[] expected = Arrays.copyOf(prompt, 15);
        for (int i = 3; i < 15; i++) {
            expected[i] = (3 * expected[i - 1] + 2) % vocab;
        }
        int[] out = model.generate(prompt, 12, new Random(9));
        assertThat(out).as("generate(prompt %s, 12 new tokens) when token v is always followed by (3v + 2) mod 7",
                Arrays.toString(prompt)).containsExactly(expected);
        assertThat(model.isTraining()).as("the model is back in training mode afterwards").isTrue();
    }

    @Example
    @Label("sampled, not greedy: 20 000 tokens follow each row's distribution (transition frequencies within 0.03)")
    @Points(2)
    void transitionFrequencies() {
        double[][] p = {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}, {0.25, 0.25, 0.5}};
        double[][] rows = new double[3][3];
        for (int v = 0; v < 3; v++) {
            for (int w = 0; w < 3; w++) {
                rows[v][w] = Math.log(p[v][w]) - 2 * v; // a constant per row does not change softmax
            }
        }
        int[] out = withTable(rows).generate(new int[] {1}, 20_000, new Random(5301));
        assertThat(out).as("prompt of 1 token + 20 000 new ones").hasSize(20_001);
        double[][] counts = new double[3][3];
        for (int i = 1; i < out.length; i++) {
            counts[out[i - 1]][out[i]]++;
        }
        for (int v = 0; v < 3; v++) {
            double total = Arrays.stream(counts[v]).sum();
            assertThat(total).as("how often token %d was generated", v).isGreaterThan(1000);
            for (int w = 0; w < 3; w++) {
                assertThat(counts[v][w] / total).as("frequency of %d after %d (softmax of row %d gives %s)", w, v, v,
                        p[v][w]).isCloseTo(p[v][w], within(0.03));
            }
        }
    }

    @Example
    @Label("the documented rule, replayed with the same seed: u = rng.nextDouble(), the first token whose cumulative probability exceeds u")
    @Points(1)
    void documentedSamplingRule() {
        int vocab = 5;
        double[][] rows = Values.normal(new Random(5302), 1.5, vocab, vocab).toDoubleMatrix();
        BigramLM model = withTable(rows);
        Random replay = new Random(77);
        int[] expected = new int[31];
        expected[0] = 2;
        for (int i = 1; i < expected.length; i++) {
            double[] row = rows[expected[i - 1]];
            double max = Arrays.stream(row).max().orElseThrow();
            double norm = Arrays.stream(row).map(z -> Math.exp(z - max)).sum();
            double u = replay.nextDouble();
            double sum = 0;
            int pick = vocab - 1;
            for (int w = 0; w < vocab; w++) {
                sum += Math.exp(row[w] - max) / norm;
                if (sum > u) {
                    pick = w;
                    break;
                }
            }
            expected[i] = pick;
        }
        assertThat(model.generate(new int[] {2}, 30, new Random(77))).as("30 tokens from prompt [2] with seed 77")
                .containsExactly(expected);
    }
}

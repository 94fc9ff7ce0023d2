package hw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.GradMode;
import hw.testkit.ScriptedGpt;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("5.4")
@Label("Problem 5.4 Perplexity.negativeLogLikelihood")
class PerplexityTest {

    /** Logits after a context that depend on every token of it and on its length: any other windowing differs. */
    static double[] contextLogits(int[] context) {
        double h = 0;
        for (int s = 0; s < context.length; s++) {
            h += (s + 1.3) * (context[s] + 0.7);
        }
        double[] logits = new double[5];
        for (int v = 0; v < 5; v++) {
            logits[v] = 2 * Math.sin(0.37 * (v + 1) * h + 0.9 * context.length);
        }
        return logits;
    }

    @Property(tries = 10, seed = "5401")
    @Label("a uniform model (all logits equal) has perplexity V and NLL log V, whatever the text")
    @Points(1)
    void uniformModel(@ForAll @IntRange(min = 2, max = 40) int vocab, @ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        double[][] rows = new double[vocab][vocab];
        for (double[] row : rows) {
            java.util.Arrays.fill(row, 1.5);
        }
        FunctionModel model = FunctionModel.bigram(rows);
        int[] tokens = new Random(seed).ints(n, 0, vocab).toArray();
        assertThat(Perplexity.perplexity(model, tokens)).as("perplexity of a uniform model over V = %d tokens on %d"
                + " tokens", vocab, n).isCloseTo(vocab, within(1e-9 * vocab));
        assertThat(Perplexity.negativeLogLikelihood(model, tokens)).as("NLL in nats (natural log) of a uniform model,"
                + " log V").isCloseTo(Math.log(vocab), within(1e-9));
    }

    @Example
    @Label("a model that puts probability 1 on every next token (logit 1000 vs 0: must not overflow) has perplexity 1")
    @Points(1)
    void perfectModel() {
        int vocab = 6;
        double[][] rows = new double[vocab][vocab];
        int[] tokens = new int[40];
        for (int v = 0; v < vocab; v++) {
            rows[v][(5 * v + 1) % vocab] = 1000;
        }
        for (int i = 1; i < tokens.length; i++) {
            tokens[i] = (5 * tokens[i - 1] + 1) % vocab;
        }
        FunctionModel model = FunctionModel.bigram(rows);
        assertThat(Perplexity.negativeLogLikelihood(model, tokens)).as("NLL of a model that is always right with"
                + " logits 1000 vs 0 (exp(1000) overflows unless the maximum is subtracted)").isCloseTo(0, within(1e-12));
        assertThat(Perplexity.perplexity(model, tokens)).as("its perplexity").isCloseTo(1, within(1e-12));
    }

    @Example
    @Label("by hand: tokens 0 1 2 1 0 under known bigram probabilities predict 4 tokens, NLL = −¼·log(0.5·0.25·0.8·0.5)")
    @Points(2)
    void handComputation() {
        double[][] probabilities = {{0.1, 0.5, 0.4}, {0.5, 0.25, 0.25}, {0.1, 0.8, 0.1}};
        double[][] rows = new double[3][3];
        for (int v = 0; v < 3; v++) {
            for (int w = 0; w < 3; w++) {
                rows[v][w] = Math.log(probabilities[v][w]) + v; // a constant per row does not change softmax
            }
        }
        FunctionModel model = FunctionModel.bigram(rows);
        int[] tokens = {0, 1, 2, 1, 0};
        double expected = -(Math.log(0.5) + Math.log(0.25) + Math.log(0.8) + Math.log(0.5)) / 4;
        assertThat(Perplexity.negativeLogLikelihood(model, tokens)).as("NLL of 0 1 2 1 0: the mean over the 4"
                + " predicted tokens (the first one has no context and is not predicted), in nats")
                .isCloseTo(expected, within(1e-12));
        assertThat(Perplexity.perplexity(model, tokens)).as("perplexity = exp(NLL)")
                .isCloseTo(Math.exp(expected), within(1e-12));
    }

    @Property(tries = 25, seed = "5402")
    @Label("windowing: N tokens are read in consecutive windows of W = min(blockSize, N − 1), the last one shorter")
    @Points(2)
    void windowsOfAContextModel(@ForAll @IntRange(min = 1, max = 5) int blockSize,
            @ForAll @IntRange(min = 2, max = 40) int n, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        FunctionModel model = new FunctionModel(5, blockSize, PerplexityTest::contextLogits);
        int[] tokens = new Random(seed).ints(n, 0, 5).toArray();
        double total = 0;
        for (int predicted = 1; predicted < n; predicted++) {
            int windowStart = (predicted - 1) / blockSize * blockSize; // the window this prediction falls in
            int[] context = java.util.Arrays.copyOfRange(tokens, windowStart, predicted);
            total += FunctionModel.minusLogSoftmax(contextLogits(context), tokens[predicted]);
        }
        assertThat(Perplexity.negativeLogLikelihood(model, tokens)).as("NLL of %d tokens under a model with context"
                + " %d, each token predicted from the tokens before it in its window", n, blockSize)
                .isCloseTo(total / (n - 1), within(1e-9));
    }

    @Example
    @Label("a GPT with blockSize 3 on 11 tokens: windows of 3, 3, 3 and 1 predictions, in eval mode, the mode restored")
    @Points(1)
    void gptWindows() {
        // A stand-in GPT (its logits a fixed function of the tokens it reads), so that this needs no Problem 4.
        ScriptedGpt gpt = new ScriptedGpt(55, 7, 3, 4.0);
        int[] tokens = {3, 1, 4, 1, 5, 2, 6, 5, 3, 5, 0};
        double total = 0;
        gpt.eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int first = 0; first < 10; first += 3) {
                int length = Math.min(3, 10 - first);
                int[] window = java.util.Arrays.copyOfRange(tokens, first, first + length);
                INDArray logits = gpt.forward(new int[][] {window}).data();   // [1, length, 7]
                for (int t = 0; t < length; t++) {
                    double[] row = logits.slice(0).getRow(t).toDoubleVector();
                    total += FunctionModel.minusLogSoftmax(row, tokens[first + t + 1]);
                }
            }
        }
        gpt.train();
        gpt.inference.clear();
        assertThat(Perplexity.perplexity(gpt, tokens)).as("perplexity of a GPT (blockSize 3, in training mode when"
                + " called) on 11 tokens").isCloseTo(Math.exp(total / 10), within(1e-9));
        assertThat(gpt.inference).as("each forward pass ran in eval mode without gradients").containsOnly(true);
        assertThat(gpt.isTraining()).as("the GPT is back in training mode afterwards").isTrue();
    }
}

package hw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

@Todo("5.2")
@Label("Problem 5.2 BigramLM.forward")
class BigramForwardTest {

    /** −log softmax(row)[target], computed stably in plain Java. */
    private static double minusLogSoftmax(double[] row, int target) {
        double max = java.util.Arrays.stream(row).max().orElseThrow();
        double sum = java.util.Arrays.stream(row).map(z -> Math.exp(z - max)).sum();
        return max + Math.log(sum) - row[target];
    }

    private static BigramLM randomBigram(int vocab, long seed) {
        BigramLM model = new BigramLM(vocab, seed);
        Values.set("BigramLM.table", model.table(), Values.normal(new Random(seed + 1), 1.0, vocab, vocab));
        return model;
    }

    @Property(tries = 12, seed = "5201")
    @Label("logits [B, T, V]: position (b, t) holds row ids[b][t] of the table")
    @Points(2)
    void rowsOfTheTable(@ForAll @IntRange(min = 1, max = 8) int vocab, @ForAll @IntRange(min = 1, max = 3) int batch,
            @ForAll @IntRange(min = 1, max = 5) int time, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        BigramLM model = randomBigram(vocab, seed);
        int[][] ids = Values.ids(new Random(seed), batch, time, vocab);
        INDArray logits = model.forward(ids).data();
        assertThat(logits.shape()).as("shape of the logits for ids [%d, %d] with V = %d", batch, time, vocab)
                .containsExactly(batch, time, vocab);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                INDArray at = logits.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all());
                Expect.close("logits[" + b + ", " + t + ", :] for token " + ids[b][t] + " (should be row " + ids[b][t]
                        + " of the table)", model.table().data().getRow(ids[b][t]), at.reshape(vocab), 0);
            }
        }
    }

    @Example
    @Label("the loss of forward(ids, targets) is the mean of −log softmax(logits)[target] over all B·T positions")
    @Points(1)
    void lossIsTheMeanNegativeLogLikelihood() {
        BigramLM model = randomBigram(6, 11);
        int[][] ids = Values.ids(new Random(3), 3, 4, 6);
        int[][] targets = Values.ids(new Random(4), 3, 4, 6);
        double expected = 0;
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 4; t++) {
                expected += minusLogSoftmax(model.table().data().getRow(ids[b][t]).toDoubleVector(), targets[b][t]);
            }
        }
        GPT.Output out = model.forward(ids, targets);
        assertThat(out.loss().item()).as("mean cross-entropy of a bigram model on ids [3, 4]")
                .isCloseTo(expected / 12, within(1e-9));
    }

    @Example
    @Label("the gradient of the loss reaches the table and matches central differences (repeated tokens add up)")
    @Points(1)
    void gradient() {
        BigramLM model = randomBigram(4, 21);
        int[][] ids = {{0, 2, 2, 1}, {3, 2, 0, 0}};
        int[][] targets = {{2, 2, 1, 3}, {2, 0, 0, 1}};
        GradCheck.module("the mean loss of BigramLM(V = 4) on ids " + java.util.Arrays.deepToString(ids), model,
                ignored -> model.forward(ids, targets).loss(), null);
    }

    @Example
    @Label("trained by hand: with the table set to log(bigram counts) the loss is the text's conditional entropy, a minimum")
    @Points(2)
    void logCountsAreTheMaximumLikelihood() {
        int vocab = 4, n = 401;
        int[] text = new Random(5203).ints(n, 0, vocab).toArray();
        double[][] counts = new double[vocab][vocab];
        for (int i = 1; i < n; i++) {
            counts[text[i - 1]][text[i]]++;
        }
        double entropy = 0;
        double[][] logCounts = new double[vocab][vocab];
        for (int a = 0; a < vocab; a++) {
            double rowTotal = java.util.Arrays.stream(counts[a]).sum();
            for (int b = 0; b < vocab; b++) {
                assertThat(counts[a][b]).as("test setup: every bigram occurs in the text").isPositive();
                logCounts[a][b] = Math.log(counts[a][b]);
                entropy -= counts[a][b] / (n - 1) * Math.log(counts[a][b] / rowTotal);
            }
        }
        BigramLM model = new BigramLM(vocab, 1);
        Values.set("BigramLM.table", model.table(), Nd4j.create(logCounts).castTo(DataType.DOUBLE));
        int[][] inputs = {java.util.Arrays.copyOfRange(text, 0, n - 1)};
        int[][] next = {java.util.Arrays.copyOfRange(text, 1, n)};
        Tensor loss = model.forward(inputs, next).loss();
        assertThat(loss.item()).as("loss with the table = log(counts): the empirical conditional entropy"
                + " −Σ c(a,b)/N · log(c(a,b)/c(a))").isCloseTo(entropy, within(1e-9));
        loss.backward();
        Expect.close("dL/d table at the maximum-likelihood table (a minimum, so the gradient is 0)",
                Nd4j.zeros(DataType.DOUBLE, vocab, vocab), model.table().grad(), 1e-12);
    }
}

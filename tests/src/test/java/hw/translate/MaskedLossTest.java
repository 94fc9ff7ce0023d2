package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
import java.util.LinkedHashMap;
import java.util.Map;
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

@Todo("8.2")
@Label("Problem 8.2 MaskedLoss.loss")
class MaskedLossTest {

    /** A random case: logits [B, T, V], labels (−1 at some weight-0 positions), 0/1 weights with at least one 1. */
    record Case(INDArray logits, int[][] labels, double[][] weights) {
        static Case random(long seed, int rows, int time, int vocab) {
            Random random = new Random(seed);
            INDArray logits = Values.uniform(random, -3, 3, rows, time, vocab);
            int[][] labels = Values.ids(random, rows, time, vocab);
            double[][] weights = new double[rows][time];
            for (int b = 0; b < rows; b++) {
                // A row of weight-0 source positions, then weight-1 targets, then weight-0 padding, as collate makes.
                int start = random.nextInt(time), end = start + random.nextInt(time - start);
                for (int t = 0; t < time; t++) {
                    weights[b][t] = t >= start && t <= end ? 1 : 0;
                    if (weights[b][t] == 0 && random.nextBoolean()) {
                        labels[b][t] = TranslationBatch.IGNORED;
                    }
                }
            }
            return new Case(logits, labels, weights);
        }

        /** −log softmax(logits[b, t])[label]. */
        double token(int b, int t) {
            int vocab = (int) logits.size(2);
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits.getDouble(b, t, v));
            }
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                sum += Math.exp(logits.getDouble(b, t, v) - max);
            }
            int label = Math.max(labels[b][t], 0);
            return max + Math.log(sum) - logits.getDouble(b, t, label);
        }

        double expected() {
            double sum = 0, weight = 0;
            for (int b = 0; b < labels.length; b++) {
                for (int t = 0; t < labels[b].length; t++) {
                    if (weights[b][t] != 0) {
                        sum += weights[b][t] * token(b, t);
                        weight += weights[b][t];
                    }
                }
            }
            return sum / weight;
        }

        /** The values the plausible wrong versions give. */
        Map<String, Double> mistakes() {
            Map<String, Double> out = new LinkedHashMap<>();
            int rows = labels.length, time = labels[0].length;
            double weighted = 0, rowMeans = 0;
            int rowsWithTargets = 0;
            for (int b = 0; b < rows; b++) {
                double rowSum = 0, rowWeight = 0;
                for (int t = 0; t < time; t++) {
                    if (weights[b][t] != 0) {
                        rowSum += token(b, t);
                        rowWeight++;
                    }
                }
                weighted += rowSum;
                if (rowWeight > 0) {
                    rowMeans += rowSum / rowWeight;
                    rowsWithTargets++;
                }
            }
            out.put("the mean over every position B·T (divide by the sum of the weights, the number of target"
                    + " tokens)", weighted / (rows * time));
            out.put("the mean of each sentence's mean (a short sentence then weighs as much as a long one)",
                    rowMeans / rowsWithTargets);
            out.put("the sum divided by the batch size B", weighted / rows);
            double all = 0;
            for (int b = 0; b < rows; b++) {
                for (int t = 0; t < time; t++) {
                    all += token(b, t);
                }
            }
            out.put("the plain mean over every position, the weights ignored (source and padding count too)",
                    all / (rows * time));
            out.put("the sum of the target tokens' losses, not their mean", weighted);
            return out;
        }
    }

    private static void expectLoss(String what, Case c, double got) {
        double expected = c.expected();
        if (Math.abs(got - expected) <= 1e-9 * (1 + Math.abs(expected))) {
            return;
        }
        StringBuilder message = new StringBuilder(what + ": the loss is " + got + ", expected " + expected);
        c.mistakes().forEach((mistake, value) -> {
            if (Math.abs(got - value) <= 1e-9 * (1 + Math.abs(value))) {
                message.append("\nLikely cause: ").append(mistake);
            }
        });
        throw new AssertionError(message.toString());
    }

    @Property(tries = 30, seed = "8201")
    @Label("the mean of −log p(label) over the weight-1 positions only, whatever the logits of the others")
    @Points(2)
    void meanOverTargetTokens(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 2, max = 7) int time,
            @ForAll @IntRange(min = 2, max = 6) int vocab, @ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Case c = Case.random(seed, rows, time, vocab);
        Tensor loss = MaskedLoss.loss(Tensor.constant(c.logits()), c.labels(), c.weights());
        assertThat(loss.data().length()).as("the loss is one number, shape %s", java.util.Arrays.toString(loss.shape()))
                .isEqualTo(1L);
        expectLoss("MaskedLoss.loss over B = " + rows + ", T = " + time + ", V = " + vocab + " (labels −1 at some"
                + " weight-0 positions)", c, loss.item());
    }

    @Example
    @Label("a sentence's padding and source do not change the loss: neither their logits nor their labels count")
    @Points(1)
    void paddingDoesNotCount() {
        Case c = Case.random(8202, 3, 6, 5);
        double before = MaskedLoss.loss(Tensor.constant(c.logits()), c.labels(), c.weights()).item();
        INDArray changed = c.logits().dup();
        int[][] labels = new int[3][];
        for (int b = 0; b < 3; b++) {
            labels[b] = c.labels()[b].clone();
            for (int t = 0; t < 6; t++) {
                if (c.weights()[b][t] == 0) {
                    for (int v = 0; v < 5; v++) {
                        changed.putScalar(new long[] {b, t, v}, 100.0 * (v + 1));
                    }
                    labels[b][t] = (t + b) % 5;
                }
            }
        }
        double after = MaskedLoss.loss(Tensor.constant(changed), labels, c.weights()).item();
        assertThat(after).as("the loss after changing the logits and labels of every weight-0 position").isCloseTo(before,
                within(1e-12));
    }

    @Example
    @Label("the gradient: (softmax − one-hot) / (number of target tokens) at weight-1 positions, 0 elsewhere")
    @Points(2)
    void gradient() {
        Case c = Case.random(8203, 2, 5, 4);
        Tensor logits = Tensor.param(c.logits().dup());
        MaskedLoss.loss(logits, c.labels(), c.weights()).backward();
        double count = 0;
        for (double[] row : c.weights()) {
            for (double w : row) {
                count += w;
            }
        }
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 2, 5, 4);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 5; t++) {
                if (c.weights()[b][t] == 0) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int v = 0; v < 4; v++) {
                    max = Math.max(max, c.logits().getDouble(b, t, v));
                }
                for (int v = 0; v < 4; v++) {
                    sum += Math.exp(c.logits().getDouble(b, t, v) - max);
                }
                for (int v = 0; v < 4; v++) {
                    double p = Math.exp(c.logits().getDouble(b, t, v) - max) / sum;
                    expected.putScalar(new long[] {b, t, v}, (p - (v == c.labels()[b][t] ? 1 : 0)) / count);
                }
            }
        }
        assertThat(logits.grad()).as("the gradient of the loss with respect to the logits (does the loss"
                + " backpropagate, built from Tensor operations?)").isNotNull();
        Expect.close("d loss / d logits [B = 2, T = 5, V = 4], " + (int) count + " target tokens", expected,
                logits.grad());
    }

    @Example
    @Label("a batch of one short and one long sentence: every target token counts once")
    @Points(1)
    void shortAndLongSentences() {
        // Row 0 has one target token, row 1 has four; the per-row mean would weigh the lone token as much as four.
        INDArray logits = Nd4j.create(new double[] {0, 0, 0, 2, 0, 0, 1, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0, 2, 1, 1},
                new long[] {2, 5, 2}, 'c').castTo(DataType.DOUBLE);
        int[][] labels = {{0, 0, 1, -1, -1}, {-1, 1, 0, 1, 0}};
        double[][] weights = {{0, 0, 1, 0, 0}, {0, 1, 1, 1, 1}};
        Case c = new Case(logits, labels, weights);
        expectLoss("MaskedLoss.loss of a sentence with 1 target token and one with 4", c,
                MaskedLoss.loss(Tensor.constant(logits), labels, weights).item());
    }
}

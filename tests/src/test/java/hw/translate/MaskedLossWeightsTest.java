package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Values;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.nd4j.linalg.api.ndarray.INDArray;

/** MaskedLoss with weights other than 0 and 1, which its docstring allows: a weighted mean, not a count. */
@Todo("8.2")
@Label("Problem 8.2 MaskedLoss.loss")
class MaskedLossWeightsTest {

    @Example
    @Label("weights 0, 0.5, 1 and 2: Σ w·ℓ / Σ w, each position counting as much as its weight")
    @Points(1)
    void weightedMean() {
        int rows = 2, time = 4, vocab = 5;
        Random random = new Random(8211);
        INDArray logits = Values.normal(random, 1.5, rows, time, vocab);
        int[][] labels = {{1, 4, 0, 2}, {3, 3, 1, 0}};
        double[][] weights = {{0.5, 2.0, 0.0, 1.0}, {1.0, 0.0, 2.0, 0.5}};
        double weighted = 0, total = 0;
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < time; t++) {
                double[] z = logits.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).toDoubleVector();
                double max = Arrays.stream(z).max().orElseThrow();
                double logSum = max + Math.log(Arrays.stream(z).map(v -> Math.exp(v - max)).sum());
                weighted += weights[b][t] * (logSum - z[labels[b][t]]);
                total += weights[b][t];
            }
        }
        double got = MaskedLoss.loss(Tensor.constant(logits), labels, weights).item();
        assertThat(got).as("MaskedLoss with weights %s: the weighted mean of −log p(label) (treating every non-zero"
                + " weight as 1 gives another number)", Arrays.deepToString(weights))
                .isCloseTo(weighted / total, within(1e-9));
    }
}

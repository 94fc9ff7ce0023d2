package hw.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import hw.testkit.GradCheck;
import hw.testkit.Values;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

@Todo("2.4")
@Label("Problem 2.4 Functions.softmaxLoss")
class SoftmaxLossTest {
    private static final Fixture FUNCTIONS = Fixture.load("functions.json");

    @Example
    @Label("per-example losses and their gradient match PyTorch's F.cross_entropy(reduction=\"none\")")
    @Points(2)
    void knownAnswer() {
        Fixture f = FUNCTIONS.at("softmax_loss");
        Tensor logits = Tensor.param(f.array("logits"));
        Tensor loss = Functions.softmaxLoss(logits, f.ints("target"));
        assertThat(loss.shape()).as("softmaxLoss returns one loss per example, unreduced: shape [N]")
                .containsExactly(f.array("loss").shape());
        Expect.close("softmaxLoss(logits, target)", f.array("loss"), loss.data());
        Values.backward(loss, f.array("upstream"));
        Expect.close("d softmaxLoss / d logits", f.array("dlogits"), logits.grad());
        double[] targets = java.util.Arrays.stream(f.ints("target")).asDoubleStream().toArray();
        Expect.close("softmaxLoss with the targets in a tensor", f.array("loss"),
                Functions.softmaxLoss(Tensor.constant(f.array("logits")), Tensor.of(targets)).data());
    }

    @Example
    @Label("stable: logits around ±1e4 give the exact, finite loss")
    @Points(1)
    void largeLogits() {
        Fixture f = FUNCTIONS.at("softmax_loss_large");
        double[] got = Functions.softmaxLoss(Tensor.constant(f.array("logits")), f.ints("target")).toDoubleArray();
        for (double v : got) {
            assertThat(v).as("losses %s for logits near ±1e4 (is logsumexp stable?)", java.util.Arrays.toString(got))
                    .isFinite();
        }
        Expect.close("softmaxLoss of logits near ±1e4", f.array("loss"), Tensor.of(got).data());
    }

    @Property(tries = 25, seed = "2401")
    @Label("equals logsumexp(z) − z[target] for every example, at any scale of logits")
    @Points(1)
    void definition(@ForAll @IntRange(min = 1, max = 5) int n, @ForAll @IntRange(min = 1, max = 6) int classes,
            @ForAll @DoubleRange(min = 0.1, max = 3000) double scale, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        INDArray logits = Values.uniform(random, -scale, scale, n, classes);
        int[] target = random.ints(n, 0, classes).toArray();
        double[] got = Functions.softmaxLoss(Tensor.constant(logits), target).toDoubleArray();
        assertThat(got).as("one loss per example").hasSize(n);
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits.getDouble(i, c));
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits.getDouble(i, c) - max);
            }
            double expected = max + Math.log(sum) - logits.getDouble(i, target[i]);
            assertThat(got[i]).as("loss of example %d (target %d)", i, target[i])
                    .isCloseTo(expected, within(1e-9 * (1 + Math.abs(max))));
        }
    }

    @Property(tries = 12, seed = "2402")
    @Label("backward matches central differences")
    @Points(1)
    void gradient(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 2, max = 5) int classes,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random random = new Random(seed);
        int[] target = random.ints(n, 0, classes).toArray();
        GradCheck.function("softmaxLoss(logits, " + java.util.Arrays.toString(target) + ")",
                in -> Functions.softmaxLoss(in[0], target), Values.uniform(random, -3, 3, n, classes));
    }

    @Example
    @Label("cross-entropy built on it: mean, sum and per-token-weighted reductions match PyTorch")
    @Points(1)
    void reductions() {
        Fixture f = FUNCTIONS.at("cross_entropy");
        int[] target = f.ints("target");
        double[] weights = f.array("weights").toDoubleVector();
        assertThat(Functions.crossEntropy(Tensor.constant(f.array("logits")), target).item()).as("mean")
                .isCloseTo(f.number("mean"), within(1e-9));
        assertThat(Functions.crossEntropy(Tensor.constant(f.array("logits")), target, Functions.Reduction.SUM).item())
                .as("sum").isCloseTo(f.number("sum"), within(1e-9));
        Tensor logits = Tensor.param(f.array("logits"));
        Tensor weighted = Functions.crossEntropy(logits, target, weights);
        assertThat(weighted.item()).as("Σ w·loss / Σ w").isCloseTo(f.number("weighted"), within(1e-9));
        weighted.backward();
        Expect.close("gradient of the weighted cross-entropy", f.array("dlogits_weighted"), logits.grad());
    }
}

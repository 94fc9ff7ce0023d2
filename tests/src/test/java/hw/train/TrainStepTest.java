package hw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.data.Batch;
import hw.optim.LearningRateSchedule;
import hw.optim.ParamGroup;
import hw.optim.SGD;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * trainStep with plain SGD (θ := θ − lr·g, provided), whose update shows the gradient trainStep produced, on a
 * bigram model made of provided operations.
 */
@Todo("6.6")
@Label("Problem 6.6 Trainer.trainStep")
class TrainStepTest {
    private static final int VOCAB = 7, BLOCK = 4;

    private static TableModel model(long seed) {
        return new TableModel(VOCAB, seed);
    }

    private static Batch batch(Random random, int rows) {
        return new Batch(Values.ids(random, rows, BLOCK, VOCAB), Values.ids(random, rows, BLOCK, VOCAB));
    }

    /** The micro-batches stacked into one batch. */
    private static Batch concat(List<Batch> parts) {
        List<int[]> inputs = new ArrayList<>(), targets = new ArrayList<>();
        for (Batch b : parts) {
            inputs.addAll(List.of(b.inputs()));
            targets.addAll(List.of(b.targets()));
        }
        return new Batch(inputs.toArray(new int[0][]), targets.toArray(new int[0][]));
    }

    private static void assertSameParameters(String what, TableModel expected, TableModel actual, double tolerance) {
        Map<String, Tensor> e = expected.namedParameters(), a = actual.namedParameters();
        e.forEach((name, p) -> Expect.close(what + ": parameter " + name, p.data(), a.get(name).data(), tolerance));
    }

    @Property(tries = 4, seed = "6601")
    @Label("accumulating k micro-batches of B sequences gives the loss and the update of one batch of k·B")
    @Points(2)
    void accumulationEqualsLargerBatch(@ForAll @IntRange(min = 2, max = 4) int k,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        List<Batch> micro = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            micro.add(batch(random, 2));
        }
        TableModel accumulated = model(seed), whole = model(seed);
        SGD sgdA = new SGD(ParamGroup.of(accumulated.parameters()), 0.5);
        SGD sgdW = new SGD(ParamGroup.of(whole.parameters()), 0.5);
        LearningRateSchedule lr = LearningRateSchedule.constant(0.5);
        double lossA = Trainer.trainStep(accumulated, sgdA, micro, lr, 0.0);
        double lossW = Trainer.trainStep(whole, sgdW, List.of(concat(micro)), lr, 0.0);
        assertThat(lossA).as("the loss returned for %d micro-batches of 2 sequences (the mean of their losses) vs for"
                + " one batch of %d", k, 2 * k).isCloseTo(lossW, within(1e-12));
        assertSameParameters("after one SGD step (lr 0.5) from " + k + " accumulated micro-batches of 2 vs one batch of "
                + 2 * k + " (divide each micro-batch's loss by k)", whole, accumulated, 1e-12);
        assertThat(sgdA.stepCount()).as("optimizer steps taken by one trainStep with %d micro-batches", k).isEqualTo(1);
    }

    @Example
    @Label("gradients left over from an earlier backward pass do not leak into the step")
    @Points(1)
    void startsFromZeroGradients() {
        Random random = new Random(6602);
        List<Batch> micro = List.of(batch(random, 2), batch(random, 2));
        Batch stale = batch(random, 3);
        TableModel dirty = model(1), clean = model(1);
        dirty.forward(stale.inputs(), stale.targets()).loss().backward();
        SGD sgdD = new SGD(ParamGroup.of(dirty.parameters()), 0.5);
        SGD sgdC = new SGD(ParamGroup.of(clean.parameters()), 0.5);
        Trainer.trainStep(dirty, sgdD, micro, LearningRateSchedule.constant(0.5), 0.0);
        Trainer.trainStep(clean, sgdC, micro, LearningRateSchedule.constant(0.5), 0.0);
        assertSameParameters("after a step of a model that had gradients from an earlier backward pass, vs one that"
                + " had none (zero the gradients first)", clean, dirty, 1e-12);
    }

    @Example
    @Label("clipNorm > 0 clips the global gradient norm before the step; clipNorm 0 does not clip")
    @Points(1)
    void clips() {
        Random random = new Random(6603);
        List<Batch> micro = List.of(batch(random, 2), batch(random, 2));
        TableModel clipped = model(2), free = model(2);
        Map<String, INDArray> before = clipped.stateDict();
        SGD sgd = new SGD(ParamGroup.of(clipped.parameters()), 1.0);
        Trainer.trainStep(clipped, sgd, micro, LearningRateSchedule.constant(1.0), 1e-3);
        assertThat(updateNorm(before, clipped)).as("the length of an SGD step with lr 1 (= the gradient's global"
                + " norm) with clipNorm 1e-3").isCloseTo(1e-3, within(1e-12));
        SGD sgdFree = new SGD(ParamGroup.of(free.parameters()), 1.0);
        Trainer.trainStep(free, sgdFree, micro, LearningRateSchedule.constant(1.0), 0.0);
        assertThat(updateNorm(before, free)).as("the length of an SGD step with lr 1 without clipping (clipNorm 0)")
                .isGreaterThan(1e-2);
    }

    private static double updateNorm(Map<String, INDArray> before, TableModel after) {
        double sum = 0;
        for (Map.Entry<String, Tensor> e : after.namedParameters().entrySet()) {
            double n = e.getValue().data().sub(before.get(e.getKey())).norm2Number().doubleValue();
            sum += n * n;
        }
        return Math.sqrt(sum);
    }

    @Example
    @Label("step s (counted from 1) uses the schedule's rate at(s), set before the optimizer step")
    @Points(1)
    void followsTheSchedule() {
        Random random = new Random(6604);
        TableModel model = model(3);
        SGD sgd = new SGD(ParamGroup.of(model.parameters()), 123.0);
        // A schedule of its own (not Problem 6.4's), a different rate at every step.
        double[] rates = {0.3, 0.7, 0.2, 0.05};
        LearningRateSchedule schedule = step -> {
            LearningRateSchedule.checkStep(step);
            return rates[step - 1];
        };
        for (int s = 1; s <= 4; s++) {
            Map<String, INDArray> before = model.stateDict();
            Trainer.trainStep(model, sgd, List.of(batch(random, 2)), schedule, 0.0);
            double lr = schedule.at(s);
            assertThat(sgd.learningRate()).as("the optimizer's learning rate after step %d", s)
                    .isCloseTo(lr, within(1e-15));
            for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
                // SGD keeps the gradients after its step: the update must be lr·grad with this step's lr.
                Expect.close("step " + s + ": the update of " + e.getKey() + " (expected at(" + s + ") = " + lr
                        + " times its gradient)", before.get(e.getKey()).sub(e.getValue().grad().mul(lr)),
                        e.getValue().data(), 1e-12);
            }
        }
    }
}

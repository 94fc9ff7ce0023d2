package hw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import hw.data.Batch;
import hw.optim.LearningRateSchedule;
import hw.optim.ParamGroup;
import hw.optim.SGD;
import hw.testkit.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/** What trainStep returns, checked against the losses the model gives each micro-batch before the step. */
@Todo("6.6")
@Label("Problem 6.6 Trainer.trainStep")
class TrainStepLossTest {
    private static final int VOCAB = 7, BLOCK = 4;

    @Example
    @Label("returns the mean of the k micro-batch losses, each before dividing by k, as the model gave them before"
            + " the step")
    @Points(1)
    void returnsTheMeanMicroBatchLoss() {
        Random random = new Random(6611);
        List<Batch> micro = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            micro.add(new Batch(Values.ids(random, 2, BLOCK, VOCAB), Values.ids(random, 2, BLOCK, VOCAB)));
        }
        TableModel model = new TableModel(VOCAB, 66);
        double[] losses = micro.stream().mapToDouble(b -> model.forward(b.inputs(), b.targets()).loss().item())
                .toArray();
        double expected = Arrays.stream(losses).average().orElseThrow();
        double got = Trainer.trainStep(model, new SGD(ParamGroup.of(model.parameters()), 0.1),
                micro, LearningRateSchedule.constant(0.1), 0.0);
        assertThat(got).as("trainStep's result for 3 micro-batches whose losses before the step are %s",
                Arrays.toString(losses)).isCloseTo(expected, within(1e-12));
    }
}

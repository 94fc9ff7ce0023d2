package hw.train;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Problem;
import grader.api.TimeLimit;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.optim.Adam;
import hw.optim.Optimizer;
import hw.optim.ParamGroup;
import hw.optim.SGD;
import hw.tensor.GradMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * The handout's experiment, shrunk to seconds: train the same small GPT on the same batches with Adam and with
 * SGD, then compare the validation loss. The loop is written out here, so of Problem 6 it needs only Adam (6.1);
 * but it trains the student's GPT, so it grades Problem 6 as a whole (6.0.1) rather than TODO 6.1, which is
 * graded on its own by AdamTest.
 */
@Problem(6)
@Label("Problem 6 the experiment, Adam against SGD")
class AdamVersusSgdTest {
    private static final int STEPS = 60, BATCH = 16, BLOCK = 32, VALIDATION_WINDOWS = 48;

    @Example
    @Label("60 steps on a small GPT (1 layer, C = 32, 16 × 32 characters of the embedded English text a step): Adam"
            + " with lr 1e-2 ends with a lower validation loss than SGD with lr 0.1")
    @Points(2)
    @TimeLimit(120)
    void adamBeatsSgd() {
        // Over so few steps Adam's default lr 1e-3 barely moves a fresh model; 1e-2 is the usual rate for one this
        // small. Measured: Adam 2.79; SGD 2.90 at lr 0.1, 2.85 at 0.3, 2.87 at 1.0 — so the claim holds for each.
        double adam = validationLossAfterTraining(params -> new Adam(ParamGroup.of(params), 1e-2, Adam.DEFAULT_BETA,
                Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS));
        double sgd = validationLossAfterTraining(params -> new SGD(ParamGroup.of(params), 0.1));
        assertThat(adam).as("validation loss after %d steps with Adam (lr 1e-2), which should be at least 0.05 below"
                + " SGD's %s (before training it is about ln V = %.2f)", STEPS, sgd, Math.log(vocabSize()))
                .isLessThan(sgd - 0.05);
    }

    private static int vocabSize() {
        int max = 0;
        for (int id : ExperimentText.tokens()) {
            max = Math.max(max, id);
        }
        return max + 1;
    }

    /** Trains a fresh GPT (fixed seeds: same start, same batches) and returns its mean loss on held-out text. */
    static double validationLossAfterTraining(Function<List<hw.tensor.Tensor>, Optimizer> makeOptimizer) {
        int[] tokens = ExperimentText.tokens();
        int split = tokens.length * 9 / 10; // the last tenth is the validation text
        GPT gpt = new GPT(new GPTConfig(vocabSize(), BLOCK, 1, 2, 32, 0.0, true, true, 1));
        Optimizer optimizer = makeOptimizer.apply(gpt.parameters());
        Random random = new Random(7);
        for (int step = 0; step < STEPS; step++) {
            int[][] inputs = new int[BATCH][], targets = new int[BATCH][];
            for (int b = 0; b < BATCH; b++) {
                int start = random.nextInt(split - BLOCK - 1);
                inputs[b] = window(tokens, start);
                targets[b] = window(tokens, start + 1);
            }
            optimizer.zeroGrad();
            gpt.forward(inputs, targets).loss().backward();
            optimizer.step();
        }
        List<int[]> inputs = new ArrayList<>(), targets = new ArrayList<>();
        int windows = Math.min(VALIDATION_WINDOWS, (tokens.length - split - 1) / BLOCK);
        int spacing = (tokens.length - split - 1 - BLOCK) / Math.max(1, windows - 1);
        for (int w = 0; w < windows; w++) {
            inputs.add(window(tokens, split + w * spacing));
            targets.add(window(tokens, split + w * spacing + 1));
        }
        gpt.eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return gpt.forward(inputs.toArray(new int[0][]), targets.toArray(new int[0][])).loss().item();
        }
    }

    private static int[] window(int[] tokens, int start) {
        int[] out = new int[BLOCK];
        System.arraycopy(tokens, start, out, 0, BLOCK);
        return out;
    }
}

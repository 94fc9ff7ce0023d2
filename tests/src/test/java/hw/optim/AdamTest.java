package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Todo;
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
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

@Todo("6.1")
@Label("Problem 6.1 Adam.step")
class AdamTest {
    static final Map<String, String> MISTAKES = Map.of(
            "no_bias_correction",
            "u and v are used without bias correction (û = u / (1 − βᵗ), v̂ = v / (1 − γᵗ))",
            "eps_inside_sqrt", "ε is added inside the square root, √(v̂ + ε), instead of after it, √v̂ + ε",
            "step_per_parameter", "t counts parameters instead of steps: it must grow once per step() call, not"
                    + " once per parameter");

    @Example
    @Label("matches PyTorch over 6 steps with the defaults (lr 1e-3, β 0.9, γ 0.999, ε 1e-8): a weight [3, 4] and"
            + " a bias [4], gradients from 1e-6 to 10")
    @Points(2)
    void defaults() {
        OptimTesting.replay("adam_defaults", (c, params) -> new Adam(ParamGroup.of(params)), MISTAKES);
    }

    @Example
    @Label("matches PyTorch over 6 steps with lr 0.05, β 0.8, γ 0.95, ε 1e-3 (ε large, so where it goes matters)")
    @Points(2)
    void customHyperparameters() {
        OptimTesting.replay("adam_custom", (c, params) -> new Adam(ParamGroup.of(params), c.number("lr"),
                c.number("beta"), c.number("gamma"), c.number("eps")), MISTAKES);
    }

    @Property(tries = 15, seed = "6101")
    @Label("the first step moves every element by lr·g/(|g| + ε) — about lr against the gradient's sign, whatever"
            + " its scale; an element with gradient 0 does not move")
    @Points(1)
    void firstStep(@ForAll @DoubleRange(min = 1e-4, max = 0.1) @Scale(6) double lr,
            @ForAll @IntRange(min = 1, max = 3) int count,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        List<Tensor> params = new ArrayList<>();
        List<INDArray> before = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tensor p = Tensor.param(Values.normal(random, 1.0, 1 + random.nextInt(3), 1 + random.nextInt(4)));
            INDArray g = mixedScaleGradient(random, p.shape());
            OptimTesting.setGrad(p, g);
            params.add(p);
            before.add(p.data().dup());
            grads.add(g);
        }
        Adam adam = new Adam(ParamGroup.of(params), lr, 0.9, 0.999, 1e-8);
        adam.step();
        for (int i = 0; i < count; i++) {
            INDArray g = grads.get(i);
            INDArray expected = before.get(i).sub(g.div(Transforms.abs(g, true).addi(1e-8)).muli(lr));
            Expect.close("parameter " + i + " after Adam's first step (lr = " + lr + "; gradient " + g + ")",
                    expected, params.get(i).data(), 1e-12);
        }
    }

    @Property(tries = 10, seed = "6102")
    @Label("t counts steps, not parameters, from 1: with a constant gradient every step of every parameter moves it"
            + " by lr·g/(|g| + ε), lr being the rate set before that step (2–3 parameters, up to 6 steps)")
    @Points(2)
    void biasCorrectionCountsSteps(@ForAll @IntRange(min = 2, max = 3) int count,
            @ForAll @IntRange(min = 2, max = 6) int steps, @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        List<Tensor> params = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tensor p = Tensor.param(Values.normal(random, 1.0, 2, 1 + random.nextInt(3)));
            params.add(p);
            grads.add(mixedScaleGradient(random, p.shape()));
        }
        Adam adam = new Adam(ParamGroup.of(params), 1e-3, 0.9, 0.999, 1e-8);
        for (int s = 1; s <= steps; s++) {
            double lr = 1e-3 * (1 + random.nextInt(5));
            adam.setLearningRate(lr);
            List<INDArray> before = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                before.add(params.get(i).data().dup());
                OptimTesting.setGrad(params.get(i), grads.get(i));
            }
            adam.step();
            for (int i = 0; i < count; i++) {
                INDArray g = grads.get(i);
                INDArray expected = before.get(i).sub(g.div(Transforms.abs(g, true).addi(1e-8)).muli(lr));
                Expect.close("parameter " + i + " of " + count + " after step " + s + " with the same gradient at every"
                        + " step (bias-corrected, û = g and v̂ = g², so it should move by lr·g/(|g| + ε), lr = " + lr
                        + ")", expected, params.get(i).data(), 1e-9);
            }
            assertThat(adam.stepCount()).as("stepCount() after %d calls of step() (call nextStep() once per step)", s)
                    .isEqualTo(s);
        }
    }

    @Example
    @Label("a tensor listed twice (a tied weight) moves once per step; a parameter without a gradient does not move")
    @Points(1)
    void tiedAndUnreached() {
        Random random = new Random(6103);
        Tensor shared = Tensor.param(Values.normal(random, 1.0, 2, 3));
        Tensor other = Tensor.param(Values.normal(random, 1.0, 3));
        Tensor unreached = Tensor.param(Values.normal(random, 1.0, 4));
        INDArray sharedBefore = shared.data().dup(), unreachedBefore = unreached.data().dup();
        Adam adam = new Adam(List.of(new ParamGroup(List.of(shared, other, shared), 0.0),
                new ParamGroup(List.of(unreached, shared), 0.0)), 0.01, 0.9, 0.999, 1e-8);
        INDArray g = Values.uniform(random, 0.5, 2.0, 2, 3);
        OptimTesting.setGrad(shared, g);
        OptimTesting.setGrad(other, Values.uniform(random, 0.5, 2.0, 3));
        adam.step();
        Expect.close("a tensor listed three times after one step with lr 0.01 (positive gradient: it should move by"
                + " about −0.01, once)", sharedBefore.sub(g.div(g.add(1e-8)).muli(0.01)), shared.data(), 1e-12);
        Expect.close("a parameter whose grad() is null after the step", unreachedBefore, unreached.data(), 0);
    }

    @Example
    @Label("u and v are the optimizer's state: a copy of state() loaded into a fresh Adam continues exactly as the"
            + " original (use buffer(\"u\", p) and buffer(\"v\", p))")
    @Points(1)
    void stateCarriesOver() {
        Random random = new Random(6104);
        INDArray w0 = Values.normal(random, 1.0, 3, 2);
        Tensor w = Tensor.param(w0.dup());
        Adam original = new Adam(ParamGroup.of(List.of(w)), 0.01, 0.9, 0.99, 1e-8);
        List<INDArray> grads = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            grads.add(Values.normal(random, 1.0, 3, 2));
        }
        for (int s = 0; s < 3; s++) {
            OptimTesting.setGrad(w, grads.get(s));
            original.step();
        }
        Tensor copy = Tensor.param(w.data().dup());
        Adam resumed = new Adam(ParamGroup.of(List.of(copy)), 0.01, 0.9, 0.99, 1e-8);
        resumed.loadState(original.state());
        OptimTesting.setGrad(w, grads.get(3));
        OptimTesting.setGrad(copy, grads.get(3));
        original.step();
        resumed.step();
        Expect.close("step 4 of an Adam resumed from the state() of another after 3 steps, vs the original's step 4",
                w.data(), copy.data(), 1e-12);
        assertThat(Expect.difference(w0, w.data(), 1e-6)).as("the parameter should have moved").isNotNull();
    }

    /** Gradients of magnitude 1e-3 … 100 with random signs, and a zero now and then. */
    static INDArray mixedScaleGradient(Random random, long... shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double magnitude = Math.pow(10, -3 + 5 * random.nextDouble());
            v[i] = random.nextInt(6) == 0 ? 0.0 : (random.nextBoolean() ? magnitude : -magnitude);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }
}

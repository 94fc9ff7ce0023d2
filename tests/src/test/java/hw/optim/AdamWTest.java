package hw.optim;

import grader.api.Points;
import grader.api.Todo;
import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Values;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Todo("6.2")
@Label("Problem 6.2 AdamW.applyWeightDecay")
class AdamWTest {
    static final Map<String, String> MISTAKES = Map.of(
            "coupled_decay", "the decay is added to the gradient (wd·θ, an L2 penalty) instead of being applied to the"
                    + " weights directly",
            "decay_not_scaled_by_lr",
            "the decay is θ − wd·θ; it should be scaled by the learning rate, θ − lr·wd·θ",
            "decay_after_update", "the decay is applied after the Adam update; decay θ first, then take the Adam"
                    + " step");

    @Example
    @Label("matches PyTorch's AdamW over 6 steps with two groups: the weight [3, 4] decayed (0.2), the bias [4] not")
    @Points(2)
    void groups() {
        OptimTesting.replay("adamw_groups", (c, params) -> new AdamW(List.of(
                new ParamGroup(List.of(params.get(0)), c.at("weight_decay").number("w")),
                new ParamGroup(List.of(params.get(1)), c.at("weight_decay").number("b"))),
                c.number("lr"), c.number("beta"), c.number("gamma"), c.number("eps")), MISTAKES);
    }

    @Property(tries = 10, seed = "6201")
    @Label("decoupled: with a zero gradient each step multiplies θ by exactly (1 − lr·wd), wd being its group's"
            + " (a group with wd 0 and a parameter without a gradient stay put)")
    @Points(1)
    void decayIsDecoupled(@ForAll @DoubleRange(min = 1e-3, max = 0.1) @Scale(6) double lr,
            @ForAll @DoubleRange(min = 0.01, max = 0.5) @Scale(6) double wd, @ForAll @IntRange(min = 1, max = 3) int steps,
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        Tensor decayed = Tensor.param(Values.normal(random, 1.0, 3, 2));
        Tensor notDecayed = Tensor.param(Values.normal(random, 1.0, 2));
        Tensor unreached = Tensor.param(Values.normal(random, 1.0, 2, 2));
        INDArray d0 = decayed.data().dup(), n0 = notDecayed.data().dup(), u0 = unreached.data().dup();
        AdamW adamW = new AdamW(List.of(new ParamGroup(List.of(decayed, unreached), wd),
                new ParamGroup(List.of(notDecayed), 0.0)), lr, 0.9, 0.999, 1e-8);
        for (int s = 0; s < steps; s++) {
            adamW.zeroGrad();
            OptimTesting.setGrad(decayed, Nd4j.zerosLike(d0));
            OptimTesting.setGrad(notDecayed, Nd4j.zerosLike(n0));
            adamW.step();
        }
        double factor = Math.pow(1 - lr * wd, steps);
        Expect.close("a parameter with weight decay " + wd + " and zero gradients after " + steps + " step(s) with lr "
                + lr + " (expected θ·(1 − lr·wd)^" + steps + ")", d0.mul(factor), decayed.data(), 1e-12);
        Expect.close("a parameter in a group with weight decay 0 and zero gradients", n0, notDecayed.data(), 1e-15);
        Expect.close("a parameter with weight decay whose grad() is null", u0, unreached.data(), 0);
    }

    @Property(tries = 5, seed = "6202")
    @Label("with weight decay 0, AdamW takes exactly Adam's steps")
    @Points(1)
    void zeroDecayIsAdam(@ForAll @LongRange(min = 0, max = 10_000) long seed) {
        Random random = new Random(seed);
        INDArray start = Values.normal(random, 1.0, 3, 3);
        Tensor a = Tensor.param(start.dup()), b = Tensor.param(start.dup());
        Adam adam = new Adam(ParamGroup.of(List.of(a)), 0.02, 0.9, 0.99, 1e-8);
        AdamW adamW = new AdamW(List.of(new ParamGroup(List.of(b), 0.0)), 0.02, 0.9, 0.99, 1e-8);
        for (int s = 1; s <= 4; s++) {
            INDArray g = Values.normal(random, 1.0, 3, 3);
            OptimTesting.setGrad(a, g);
            OptimTesting.setGrad(b, g);
            adam.step();
            adamW.step();
            Expect.close("AdamW with weight decay 0 vs Adam, after step " + s, a.data(), b.data(), 1e-12);
        }
    }
}

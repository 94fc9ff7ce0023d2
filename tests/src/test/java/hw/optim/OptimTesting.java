package hw.optim;

import hw.tensor.Tensor;
import hw.testkit.Expect;
import hw.testkit.Fixture;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Helpers of the optimizer tests: gradients set by hand, and replaying optim.json's trajectories. */
final class OptimTesting {
    static final Fixture OPTIM = Fixture.load("optim.json");

    private OptimTesting() {
    }

    /** Makes {@code g} the parameter's gradient, as if a backward pass had computed it. */
    static void setGrad(Tensor parameter, INDArray g) {
        parameter.zeroGrad();
        parameter.accumulateGrad(g);
    }

    /**
     * Replays a fixture case: the parameters w [3, 4] and b [4] start at the fixture's values, each step gets the
     * fixture's gradients, and after each step both must match PyTorch's values (naming a typical mistake when
     * the values are exactly what it gives).
     */
    static void replay(String caseName, BiFunction<Fixture, List<Tensor>, Optimizer> build,
            Map<String, String> mistakes) {
        Fixture c = OPTIM.at(caseName);
        Tensor w = Tensor.param(c.array("w"));
        Tensor b = Tensor.param(c.array("b"));
        Optimizer optimizer = build.apply(c, List.of(w, b));
        List<Fixture> steps = c.list("steps");
        for (int s = 0; s < steps.size(); s++) {
            Fixture step = steps.get(s);
            optimizer.zeroGrad();
            setGrad(w, step.array("grad_w"));
            setGrad(b, step.array("grad_b"));
            optimizer.step();
            String when = " after step " + (s + 1) + " of " + steps.size();
            Expect.closeOrDiagnose("the weight w [3, 4]" + when, step, "w", w.data(), mistakes);
            Expect.closeOrDiagnose("the bias b [4]" + when, step, "b", b.data(), mistakes);
        }
    }
}

package hw.optim;

import hw.nn.Module;
import java.util.List;

/** Ways to split a model's parameters into {@link ParamGroup}s. */
public final class ParamGroups {
    private ParamGroups() {
    }

    /** Every parameter of {@code model} in one group without weight decay. */
    public static List<ParamGroup> all(Module model) {
        return ParamGroup.of(model.parameters());
    }

    /**
     * Problem 6.3 — the two groups GPT-2 is trained with: every parameter with two or more axes (the Linear
     * weights and the embedding tables) gets {@code weightDecay}; every parameter with fewer (biases, LayerNorm
     * weights and shifts) gets 0, because pulling a bias or a LayerNorm gain towards zero does not make the model
     * simpler, only worse.
     *
     * <p>Return both groups, the decayed one first (either may be empty). Each parameter must appear exactly once
     * — a tied weight too: {@link Module#namedParameters()} lists every tensor once.
     */
    public static List<ParamGroup> forWeightDecay(Module model, double weightDecay) {
        // TODO Problem 6.3 (ParamGroups.forWeightDecay): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 6.3 (ParamGroups.forWeightDecay)");
    }
}

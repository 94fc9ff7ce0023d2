package hw.optim;

import hw.tensor.Tensor;
import java.util.List;

/**
 * Parameters that share optimizer settings — here, how strongly they are decayed. GPT training uses two groups:
 * weight matrices with decay, biases and LayerNorm parameters without ({@link ParamGroups#forWeightDecay}).
 *
 * @param params      the tensors to train (leaves that require a gradient, e.g. from {@code Module.parameters()})
 * @param weightDecay the decay rate, ≥ 0 (what it means depends on the optimizer: {@link AdamW} decays the
 *                    weights directly, {@link SGD} adds weightDecay·p to the gradient; {@link Adam} accepts only 0)
 */
public record ParamGroup(List<Tensor> params, double weightDecay) {

    public ParamGroup {
        if (params == null) {
            throw new IllegalArgumentException("ParamGroup: the list of parameters is null");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("ParamGroup: weight decay must be a finite number ≥ 0, got "
                    + weightDecay);
        }
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException("ParamGroup: parameter " + i + " is null");
            }
            if (!p.requiresGrad() || !p.isLeaf()) {
                throw new IllegalArgumentException("ParamGroup: parameter " + i + " (shape "
                        + java.util.Arrays.toString(p.shape()) + ") is not a trainable leaf: an optimizer updates"
                        + " tensors made with Tensor.param, never results of operations or constants");
            }
        }
        params = List.copyOf(params);
    }

    /** One group holding every parameter, without weight decay. */
    public static List<ParamGroup> of(List<Tensor> params) {
        return List.of(new ParamGroup(params, 0.0));
    }
}

package hw.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent with momentum (PyTorch's torch.optim.SGD without dampening or Nesterov):
 *
 * <pre>
 *     d = ∇f(θ) + weightDecay·θ      (the group's weight decay, an L2 penalty; usually 0)
 *     b := momentum·b + d            (b starts at zero; with momentum 0 it is just d)
 *     θ := θ − lr·b
 * </pre>
 */
public class SGD extends Optimizer {
    private final double momentum;

    /** @param momentum in [0, 1): how much of the previous direction carries over (0: plain gradient descent) */
    public SGD(List<ParamGroup> groups, double learningRate, double momentum) {
        super(groups, learningRate, "velocity");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD: momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    /** Plain gradient descent. */
    public SGD(List<ParamGroup> groups, double learningRate) {
        this(groups, learningRate, 0.0);
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public void step() {
        nextStep();
        for (Parameter p : slots()) {
            INDArray grad = p.grad();
            if (grad == null) {
                continue; // the last backward pass did not reach this parameter
            }
            INDArray direction = p.weightDecay() == 0 ? grad.dup() : grad.add(p.value().mul(p.weightDecay()));
            INDArray velocity = buffer("velocity", p);
            velocity.muli(momentum).addi(direction);
            p.value().subi(velocity.mul(learningRate()));
        }
    }

    @Override
    public String describe() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ")";
    }
}

package hw.optim;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019; PyTorch's torch.optim.AdamW). Each step first
 * shrinks every parameter that has a gradient towards zero, by its group's weight decay wd,
 *
 * <pre>
 *     θ := θ − lr·wd·θ
 * </pre>
 *
 * and then takes the {@link Adam} step. "Decoupled" because the decay does not pass through the gradient: had
 * wd·θ been added to g (an L2 penalty, as SGD's weight decay does), Adam's per-element scaling would make every
 * weight shrink by about lr, large or small.
 */
public class AdamW extends Adam {

    public AdamW(List<ParamGroup> groups, double learningRate, double beta, double gamma, double eps) {
        super(groups, learningRate, beta, gamma, eps, true);
    }

    /** AdamW with the defaults lr = 1e-3, β = 0.9, γ = 0.999, ε = 1e-8; the decay comes from the groups. */
    public AdamW(List<ParamGroup> groups) {
        this(groups, DEFAULT_LR, DEFAULT_BETA, DEFAULT_GAMMA, DEFAULT_EPS);
    }

    @Override
    public void step() {
        applyWeightDecay();
        super.step();
    }

    /**
     * Problem 6.2 — the decoupled weight decay, applied before the Adam step: for every parameter of
     * {@link #slots()} that has a gradient (skip those whose {@code p.grad()} is null, as the Adam step does),
     * θ := θ − lr·wd·θ in place, with wd = {@code p.weightDecay()} (its group's) and lr = {@link #learningRate()}.
     *
     * <p>Needs Problem 6.1 first: AdamW's step is Adam's step after the decay.
     */
    protected void applyWeightDecay() {
        // BEGIN SOLUTION Problem 6.2 (AdamW.applyWeightDecay)
        for (Parameter p : slots()) {
            if (p.grad() != null && p.weightDecay() != 0) {
                p.value().muli(1 - learningRate() * p.weightDecay());
            }
        }
        // END SOLUTION
    }
}

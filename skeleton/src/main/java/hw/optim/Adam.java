package hw.optim;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015): gradient descent with a per-element step size. In the notation of the handout,
 * at step t = 1, 2, … and for every parameter θ with gradient g = ∇f(θ):
 *
 * <pre>
 *     u := β·u + (1 − β)·g          (a running mean of the gradient; u starts at zero)
 *     v := γ·v + (1 − γ)·g²         (a running mean of its square, elementwise; v starts at zero)
 *     û = u / (1 − βᵗ)              (bias correction: u and v start at zero, so early means are too small)
 *     v̂ = v / (1 − γᵗ)
 *     θ := θ − lr · û / (√v̂ + ε)    (ε outside the square root)
 * </pre>
 *
 * Because û/√v̂ is about ±1 when the gradient is steady, each element moves by about lr per step whatever the
 * scale of its gradient. PyTorch's torch.optim.Adam computes the same thing. Adam has no weight decay: use
 * {@link AdamW}.
 */
public class Adam extends Optimizer {
    /** PyTorch's and the handout's defaults. */
    public static final double DEFAULT_LR = 1e-3, DEFAULT_BETA = 0.9, DEFAULT_GAMMA = 0.999, DEFAULT_EPS = 1e-8;

    private final double beta;
    private final double gamma;
    private final double eps;

    /**
     * @param beta  the decay of the gradient's running mean u, in [0, 1)
     * @param gamma the decay of the squared gradient's running mean v, in [0, 1)
     * @param eps   added to √v̂ so the division is safe, &gt; 0
     */
    public Adam(List<ParamGroup> groups, double learningRate, double beta, double gamma, double eps) {
        this(groups, learningRate, beta, gamma, eps, false);
    }

    /** Adam with the defaults lr = 1e-3, β = 0.9, γ = 0.999, ε = 1e-8. */
    public Adam(List<ParamGroup> groups) {
        this(groups, DEFAULT_LR, DEFAULT_BETA, DEFAULT_GAMMA, DEFAULT_EPS);
    }

    /** For {@link AdamW}, which accepts groups with weight decay. */
    Adam(List<ParamGroup> groups, double learningRate, double beta, double gamma, double eps, boolean decays) {
        super(groups, learningRate, "u", "v");
        if (!(beta >= 0 && beta < 1) || !(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": beta and gamma must be in [0, 1), got "
                    + beta + " and " + gamma);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": eps must be a finite number > 0, got "
                    + eps);
        }
        if (!decays) {
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).weightDecay() != 0) {
                    throw new IllegalArgumentException("Adam has no weight decay, but parameter group " + g
                            + " asks for " + groups.get(g).weightDecay() + ": use AdamW (decoupled weight decay),"
                            + " or groups with weight decay 0");
                }
            }
        }
        this.beta = beta;
        this.gamma = gamma;
        this.eps = eps;
    }

    public double beta() {
        return beta;
    }

    public double gamma() {
        return gamma;
    }

    public double eps() {
        return eps;
    }

    /**
     * Problem 6.1 — one Adam step, the formulas of the class comment.
     *
     * <p>Call {@link #nextStep()} once: it counts the step and returns t (1 at the first step) — t counts steps,
     * not parameters. Then, for every parameter of {@link #slots()} that has a gradient ({@code p.grad()} is null
     * when the last backward pass did not reach it: skip it), update its buffers {@code buffer("u", p)} and
     * {@code buffer("v", p)} and its value {@code p.value()} in place (ND4J's {@code muli}, {@code addi},
     * {@code subi}, …; {@code mul}, {@code div}, … make new arrays, as for û and v̂). Use {@link #learningRate()},
     * which a schedule may change between steps.
     */
    @Override
    public void step() {
        // TODO Problem 6.1 (Adam.step): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 6.1 (Adam.step)");
    }

    @Override
    public String describe() {
        return getClass().getSimpleName() + "(lr=" + learningRate() + ", beta=" + beta + ", gamma=" + gamma
                + ", eps=" + eps + ")";
    }
}

package hw.optim;

/**
 * Linear warmup, then cosine decay — the schedule GPT-2-style models are trained with. A large learning rate on
 * the first steps, when Adam's running means hold little information yet, can throw the weights far off; the
 * warmup avoids that. The slow cosine decay afterwards lets the loss settle.
 *
 * <pre>
 *     lr
 *  maxLr |      /‾‾‾--..
 *        |     /         ‾-.
 *        |    /             ‾-.
 *  minLr |   /                 ‾--.._______
 *        +---|----|-----------------|-------→ step
 *           1  warmupSteps      totalSteps
 * </pre>
 *
 * @param maxLr       the peak, reached at step {@code warmupSteps} (&gt; 0)
 * @param minLr       the floor, reached at step {@code totalSteps} and kept afterwards (0 ≤ minLr ≤ maxLr)
 * @param warmupSteps how many steps the warmup takes (≥ 0; 0: none)
 * @param totalSteps  the step at which the decay ends (≥ warmupSteps, ≥ 1)
 */
public record WarmupCosine(double maxLr, double minLr, int warmupSteps, int totalSteps) implements LearningRateSchedule {

    public WarmupCosine {
        if (!(maxLr > 0) || Double.isInfinite(maxLr)) {
            throw new IllegalArgumentException("WarmupCosine: maxLr must be a finite number > 0, got " + maxLr);
        }
        if (!(minLr >= 0 && minLr <= maxLr)) {
            throw new IllegalArgumentException("WarmupCosine: minLr must be in [0, maxLr = " + maxLr + "], got "
                    + minLr);
        }
        if (warmupSteps < 0 || totalSteps < 1 || totalSteps < warmupSteps) {
            throw new IllegalArgumentException("WarmupCosine: need 0 ≤ warmupSteps ≤ totalSteps and totalSteps ≥ 1,"
                    + " got warmupSteps = " + warmupSteps + ", totalSteps = " + totalSteps);
        }
    }

    /**
     * Problem 6.4 — the learning rate of step {@code step}, counted from 1:
     *
     * <ul>
     *   <li>warmup, 1 ≤ step ≤ warmupSteps: rising linearly, maxLr · step / warmupSteps — so the first step
     *       already has a small positive rate (never 0: a step with rate 0 would be wasted), and step warmupSteps
     *       has maxLr;</li>
     *   <li>decay, warmupSteps &lt; step ≤ totalSteps: with progress p = (step − warmupSteps) / (totalSteps −
     *       warmupSteps), going from just above 0 to 1, minLr + (maxLr − minLr) · (1 + cos(π·p)) / 2 — falling
     *       from maxLr to exactly minLr at totalSteps;</li>
     *   <li>after totalSteps: minLr.</li>
     * </ul>
     * Steps below 1 are an error: call {@link LearningRateSchedule#checkStep} first.
     */
    @Override
    public double at(int step) {
        LearningRateSchedule.checkStep(step);
        // BEGIN SOLUTION Problem 6.4 (WarmupCosine.at)
        if (step <= warmupSteps) {
            return maxLr * step / warmupSteps;
        }
        if (step >= totalSteps) {
            return minLr;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return minLr + (maxLr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
        // END SOLUTION
    }
}

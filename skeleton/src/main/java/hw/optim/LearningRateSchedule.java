package hw.optim;

/**
 * The learning rate as a function of the optimizer step. Steps are counted from 1, as {@link Optimizer#stepCount()}
 * counts them: {@code at(1)} is the rate of the first step, so before step number s a trainer sets
 * {@code optimizer.setLearningRate(schedule.at(s))} with s = {@code optimizer.stepCount() + 1}.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate of step {@code step} (1 for the first step). */
    double at(int step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("constant schedule: the learning rate must be finite and ≥ 0, got "
                    + learningRate);
        }
        return step -> {
            checkStep(step);
            return learningRate;
        };
    }

    /** Rejects steps below 1 (steps are counted from 1). */
    static void checkStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("learning-rate schedule: steps are counted from 1 (the first optimizer"
                    + " step), got step " + step);
        }
    }
}

package hw.train;

import grader.api.LeaderboardMeasure;
import hw.optim.Adam;
import hw.optim.ParamGroup;

/**
 * Leaderboard: the validation loss of the experiment's small GPT after its fixed 60 training steps with the
 * student's Adam (Problem 6.1) at lr 1e-2 — the same seeds, batches and held-out text as
 * {@link AdamVersusSgdTest}. Lower ranks higher.
 */
public final class ValidationLossMeasure implements LeaderboardMeasure {
    @Override
    public String name() {
        return "Validation loss after 60 Adam steps";
    }

    @Override
    public String order() {
        return "asc";
    }

    @Override
    public double measure() {
        return AdamVersusSgdTest.validationLossAfterTraining(params -> new Adam(ParamGroup.of(params), 1e-2,
                Adam.DEFAULT_BETA, Adam.DEFAULT_GAMMA, Adam.DEFAULT_EPS));
    }
}

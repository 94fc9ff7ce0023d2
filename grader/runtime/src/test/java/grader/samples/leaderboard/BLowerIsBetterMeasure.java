package grader.samples.leaderboard;

import grader.api.LeaderboardMeasure;

/** A loss: sorted ascending. */
public final class BLowerIsBetterMeasure implements LeaderboardMeasure {
    @Override
    public String name() {
        return "Loss";
    }

    @Override
    public String order() {
        return "asc";
    }

    @Override
    public double measure() {
        return 1.25;
    }
}

package grader.samples.leaderboard;

import grader.api.LeaderboardMeasure;

/** A NaN is no value for a leaderboard: left out. */
public final class DNotFiniteMeasure implements LeaderboardMeasure {
    @Override
    public String name() {
        return "NaN";
    }

    @Override
    public double measure() {
        return Double.NaN;
    }
}

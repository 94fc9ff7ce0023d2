package grader.samples.leaderboard;

import grader.api.LeaderboardMeasure;

/** The student's code throws: left out, with the reason. */
public final class CThrowingMeasure implements LeaderboardMeasure {
    @Override
    public String name() {
        return "Throws";
    }

    @Override
    public double measure() {
        throw new UnsupportedOperationException("not implemented yet: Problem 9.9 (X.y)");
    }
}

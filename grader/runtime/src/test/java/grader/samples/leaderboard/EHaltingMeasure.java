package grader.samples.leaderboard;

import grader.api.LeaderboardMeasure;

/** Kills its JVM (as a native crash would): the entries measured before it are kept. */
public final class EHaltingMeasure implements LeaderboardMeasure {
    @Override
    public String name() {
        return "Halts";
    }

    @Override
    public double measure() {
        Runtime.getRuntime().halt(3);
        return 0;
    }
}

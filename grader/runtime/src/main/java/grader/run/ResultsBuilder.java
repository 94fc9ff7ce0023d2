package grader.run;

import grader.report.Results;
import grader.report.ScoreTable;
import grader.report.TestResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns graded units into Gradescope's results.json. */
public final class ResultsBuilder {
    /** At most this many characters of output per test, and for all tests together. */
    static final int MAX_TEST_OUTPUT = 8_000;
    static final int MAX_TOTAL_OUTPUT = 500_000;

    private ResultsBuilder() {
    }

    private static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s == null ? "" : s;
        }
        return s.substring(0, max) + OutputCapture.TRUNCATED;
    }

    /**
     * @param units     the graded units, in report order
     * @param rerunHint a format with one %s (the test, as Class#method) for the command that re-runs one test;
     *                  null for none
     */
    public static Results build(Collection<GradedUnit> units, String rerunHint, double seconds) {
        Results results = new Results();
        int room = MAX_TOTAL_OUTPUT;
        for (GradedUnit u : units) {
            TestResult t = new TestResult();
            t.name = u.name;
            t.number = u.number;
            t.maxScore = u.outcome.counts() ? u.points : 0.0;
            t.score = u.outcome == Outcome.PASSED ? u.points : 0.0;
            t.status = u.outcome == Outcome.PASSED || u.outcome == Outcome.SKIPPED ? "passed" : "failed";
            t.output = u.output;
            t.tags = List.of("problem " + u.problem);
            t.visibility = u.visibility.gradescopeName();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("problem", u.problem);
            extra.put("problem_title", u.problemTitle);
            extra.put("todos", u.todos);
            extra.put("outcome", u.outcome.name().toLowerCase(Locale.ROOT));
            extra.put("test", u.className + "#" + u.methodName);
            if (u.seconds != null) {
                extra.put("seconds", u.seconds);
                extra.put("cpu_seconds", u.cpuSeconds);
            }
            if (u.outcome != Outcome.PASSED && u.outcome != Outcome.SKIPPED) {
                extra.putAll(u.reproduction);
                if (rerunHint != null) {
                    String rerun = String.format(Locale.ROOT, rerunHint, u.className + "#" + u.methodName);
                    extra.put("rerun", rerun);
                    t.output = t.output + "\n" + ScoreTable.RERUN_PREFIX + rerun;
                }
            }
            t.output = cap(t.output, Math.min(MAX_TEST_OUTPUT, Math.max(room, 200)));
            room -= t.output.length();
            t.extraData = extra;
            results.tests.add(t);
            results.score += t.score;
        }
        results.executionTime = Math.round(seconds * 100) / 100.0;
        return results;
    }
}

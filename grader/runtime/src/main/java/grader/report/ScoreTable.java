package grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The console view of a results.json: points per problem, then one line per test that lost points. */
public final class ScoreTable {
    private ScoreTable() {
    }

    /** The full table, every test included (for the instructor). */
    public static String render(Results results) {
        return render(results, false);
    }

    /**
     * @param visibleOnly leave out tests that are not "visible" (their scores and their messages), as the text a
     *                    student sees must
     */
    public static String render(Results results, boolean visibleOnly) {
        Map<Integer, double[]> byProblem = new TreeMap<>();
        Map<Integer, String> titles = new TreeMap<>();
        List<TestResult> lost = new ArrayList<>();
        int hidden = 0;
        double score = 0;
        double max = 0;
        int shown = 0;
        for (TestResult t : results.tests) {
            if (visibleOnly && t.visibility != null && !"visible".equals(t.visibility)) {
                hidden++;
                continue;
            }
            shown++;
            score += t.score;
            max += t.maxScore;
            int problem = problemOf(t);
            titles.putIfAbsent(problem, String.valueOf(t.extraData == null ? "" : t.extraData.get("problem_title")));
            double[] sums = byProblem.computeIfAbsent(problem, p -> new double[3]);
            sums[0] += t.score;
            sums[1] += t.maxScore;
            sums[2]++;
            if (t.score < t.maxScore) {
                lost.add(t);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-9s %-46s %6s %15s%n", "Problem", "Title", "Tests", "Points"));
        for (Map.Entry<Integer, double[]> e : byProblem.entrySet()) {
            double[] v = e.getValue();
            s.append(String.format(Locale.ROOT, "%-9s %-46s %6d %15s%n", e.getKey(), clip(titles.get(e.getKey()), 46),
                    (int) v[2], points(v[0], v[1])));
        }
        s.append(String.format(Locale.ROOT, "%-9s %-46s %6d %15s%n", "Total", "", shown, points(score, max)));
        if (hidden > 0) {
            s.append(hidden).append(hidden == 1 ? " more test is" : " more tests are")
                    .append(" not shown here (hidden, or shown after the due date or publication).")
                    .append(System.lineSeparator());
        }
        if (!lost.isEmpty()) {
            s.append(System.lineSeparator()).append("Tests that lost points (").append(lost.size()).append("):")
                    .append(System.lineSeparator());
            for (TestResult t : lost) {
                s.append(String.format(Locale.ROOT, "  %-8s %s [%s]: %s%n", t.number, t.name,
                        points(t.score, t.maxScore), firstLine(t.output)));
            }
        }
        return s.toString();
    }

    private static int problemOf(TestResult t) {
        Object p = t.extraData == null ? null : t.extraData.get("problem");
        return p instanceof Number n ? n.intValue() : 0;
    }

    static String points(double score, double max) {
        return fmt(score) + " / " + fmt(max);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}

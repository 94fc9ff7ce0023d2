package grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console view of a results.json: points per problem, then each test that lost points with its message (wrapped,
 * a few lines at most) and the command that re-runs it.
 */
public final class ScoreTable {
    /** The width of the table's lines, and the most lines of a failure's message it shows. */
    static final int WIDTH = 120;
    static final int MESSAGE_LINES = 5;
    private static final String INDENT = " ".repeat(11);
    private static final char NO_BREAK = '\u00a0';
    /** How results.json's output ends a failure's message (see grader.run.ResultsBuilder). */
    public static final String RERUN_PREFIX = "re-run just this test: ";
    /** What separates a test's message from what it printed, in results.json (see grader.run.GradedUnit). */
    public static final String PRINTED = "--- printed while this test ran ---";

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
        return render(results, visibleOnly, "more in results.json (test %s)");
    }

    /**
     * @param more what ends a message cut short: where to read it whole, {@code %s} standing for the test's number
     *             ("more in tests/target/grade/results.json (test %s)")
     */
    public static String render(Results results, boolean visibleOnly, String more) {
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
                // The points stay in one piece: their spaces do not break.
                List<String> header = wrap(t.name + " [" + points(t.score, t.maxScore).replace(' ', NO_BREAK) + "]",
                        WIDTH - INDENT.length()).stream().map(l -> l.replace(NO_BREAK, ' ')).toList();
                s.append(String.format(Locale.ROOT, "  %-8s %s%n", t.number, header.get(0)));
                header.subList(1, header.size())
                        .forEach(l -> s.append(INDENT).append(l).append(System.lineSeparator()));
                appendMessage(s, t, more);
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

    /**
     * The test's message, wrapped and cut to a few lines, then the command that re-runs it. What the test printed
     * stays in results.json: it may be long, and it is the student's, not the grader's.
     */
    private static void appendMessage(StringBuilder s, TestResult t, String more) {
        Object rerun = t.extraData == null ? null : t.extraData.get("rerun");
        String message = t.output == null ? "" : t.output.strip();
        if (rerun != null && message.endsWith(RERUN_PREFIX + rerun)) {
            message = message.substring(0, message.length() - (RERUN_PREFIX + rerun).length()).strip();
        }
        int printed = message.indexOf(PRINTED);
        List<String> lines = wrap(printed < 0 ? message : message.substring(0, printed), WIDTH - INDENT.length());
        boolean cut = lines.size() > MESSAGE_LINES;
        if (cut) {
            lines = new ArrayList<>(lines.subList(0, MESSAGE_LINES - 1));
        }
        if (cut || printed >= 0) {
            lines.add("… (" + (cut ? "" : "what it printed: ") + more.replace("%s", t.number) + ")");
        }
        lines.forEach(l -> s.append(INDENT).append(l).append(System.lineSeparator()));
        if (rerun != null) {
            s.append(INDENT).append("re-run: ").append(rerun).append(System.lineSeparator());
        }
    }

    /** The lines of {@code text}, each broken at spaces to at most {@code width} characters (a longer word alone). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String rest = line.stripTrailing();
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = width;
                }
                out.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}

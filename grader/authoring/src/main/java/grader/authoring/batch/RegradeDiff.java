package grader.authoring.batch;

import grader.io.FileOps;
import grader.report.Results;
import grader.report.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a regrade changed for one submission: old and new score, each test whose points changed (or that appeared
 * or went), and why it was graded again (its files, its commit, the tests, the grader, or {@code --force}).
 */
record RegradeDiff(String submission, double oldScore, double oldMax, double newScore, double newMax,
        List<String> testsChanged, List<String> reasons) {

    static RegradeDiff compare(String submission, Results before, Results after, List<String> batchReasons) {
        Map<String, TestResult> old = byTest(before);
        Map<String, TestResult> now = byTest(after);
        List<String> changed = new ArrayList<>();
        now.forEach((key, t) -> {
            TestResult o = old.get(key);
            if (o == null) {
                changed.add(t.number + " new (" + points(t.score) + "/" + points(t.maxScore) + ")");
            } else if (o.score != t.score || o.maxScore != t.maxScore) {
                changed.add(t.number + " " + points(o.score) + "→" + points(t.score)
                        + (o.maxScore != t.maxScore ? " (of " + points(o.maxScore) + "→" + points(t.maxScore) + ")" : ""));
            }
        });
        old.forEach((key, o) -> {
            if (!now.containsKey(key)) {
                changed.add(o.number + " gone (was " + points(o.score) + "/" + points(o.maxScore) + ")");
            }
        });
        List<String> reasons = new ArrayList<>(batchReasons);
        if (!Objects.equals(extra(before, "tests_sha256"), extra(after, "tests_sha256"))) {
            reasons.add("tests changed");
        }
        if (!Objects.equals(extra(before, "grader_sha256"), extra(after, "grader_sha256"))) {
            reasons.add("grader changed");
        }
        return new RegradeDiff(submission, before.score, before.maxScore(), after.score, after.maxScore(), changed,
                reasons);
    }

    /** Rewrites the CSV of a batch's regrades (replaced atomically, as the gradebook is). */
    static void write(Path csv, List<RegradeDiff> diffs) {
        StringBuilder s = new StringBuilder("submission,old score,new score,change,old max,new max,tests changed,why\n");
        for (RegradeDiff d : diffs) {
            s.append(Csv.cell(d.submission())).append(',').append(points(d.oldScore())).append(',')
                    .append(points(d.newScore())).append(',').append(signed(d.newScore() - d.oldScore())).append(',')
                    .append(points(d.oldMax())).append(',').append(points(d.newMax())).append(',')
                    .append(Csv.cell(String.join("; ", d.testsChanged()))).append(',')
                    .append(Csv.cell(String.join("; ", d.reasons()))).append('\n');
        }
        FileOps.writeAtomically(csv, s.toString());
    }

    /** One line for the console. */
    String describe() {
        return String.format(Locale.ROOT, "%s: %s → %s (%s)%s", submission, points(oldScore), points(newScore),
                signed(newScore - oldScore), testsChanged.isEmpty() ? "; no test changed"
                        : "; " + testsChanged.size() + " test" + (testsChanged.size() == 1 ? "" : "s") + " changed: "
                                + String.join(", ", testsChanged.subList(0, Math.min(6, testsChanged.size())))
                                + (testsChanged.size() > 6 ? ", …" : ""));
    }

    /** Tests by what names them across gradings: the test method (numbers shift when tests are added). */
    private static Map<String, TestResult> byTest(Results r) {
        Map<String, TestResult> out = new LinkedHashMap<>();
        for (TestResult t : r.tests) {
            Object id = t.extraData == null ? null : t.extraData.get("test");
            out.put(id != null ? id.toString() : t.number + " " + t.name, t);
        }
        return out;
    }

    private static Object extra(Results r, String key) {
        return r.extraData == null ? null : r.extraData.get(key);
    }

    static String points(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : v == 0 ? "±" : "") + points(v);
    }
}

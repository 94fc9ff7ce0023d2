package grader.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Element;

/**
 * The student's feedback page, {@code feedback.html} beside results.json: per problem, per test, the verdict, the
 * message and the command that re-runs the test. It opens from disk (no server, no script, its style inline). A test
 * that is not "visible" in results.json keeps its name, message and points off the page, as the score table does:
 * only how many such tests there are is said.
 */
public final class FeedbackPage {
    public static final String FILE = "feedback.html";

    private static final String CSS = """
            body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:62em;padding:0 1em;color:#1d1d1f}
            h1{margin-bottom:.2em} .meta{color:#666;font-size:13px}
            table{border-collapse:collapse;margin:1em 0} td,th{padding:.25em .8em;text-align:left;border-bottom:1px solid #ddd}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            section{margin-top:2em;border-top:2px solid #333;padding-top:.3em}
            details{margin:.4em 0;padding:.3em .6em;border-left:4px solid #c33;background:#fbf3f3}
            summary{cursor:pointer;font-weight:600} pre{white-space:pre-wrap;font-size:13px;margin:.5em 0}
            .passed{color:#276b2e} .failed{color:#a11} .rerun code{background:#eee;padding:.1em .3em}
            ul.passed{list-style:none;padding-left:0} .withheld{color:#555;font-style:italic}
            """;

    private FeedbackPage() {
    }

    /**
     * Writes the page for {@code results} into the folder of {@code resultsFile}.
     *
     * @param label what was graded (the grading's label: a student's name, a commit), or null
     */
    public static Path writeBeside(Path resultsFile, Results results, String label) {
        Path file = resultsFile.toAbsolutePath().resolveSibling(FILE);
        page(results, label).write(file);
        return file;
    }

    /** The page; {@code label} names what was graded, or is null. */
    public static HtmlPage page(Results results, String label) {
        String heading = label == null || label.isBlank() ? "Feedback" : "Feedback: " + label.strip();
        HtmlPage page = new HtmlPage(heading, CSS);
        Element body = page.body();
        Map<Integer, List<TestResult>> byProblem = new TreeMap<>();
        int withheld = 0;
        double score = 0;
        double max = 0;
        for (TestResult t : results.tests) {
            if (!visible(t)) {
                withheld++;
                continue;
            }
            byProblem.computeIfAbsent(problemOf(t), p -> new ArrayList<>()).add(t);
            score += t.score;
            max += t.maxScore;
        }
        page.add(body, "h1", heading);
        page.add(body, "p", "score", ScoreTable.points(score, max) + " points"
                + (withheld == 0 ? "" : " on the tests shown here"));
        page.add(body, "p", "meta", provenance(results));
        if (results.tests.isEmpty()) {
            page.add(body, "pre", results.output == null ? "No test was run." : results.output);
            return page;
        }
        if (withheld > 0) {
            page.add(body, "p", "withheld", withheld + (withheld == 1 ? " more test is" : " more tests are")
                    + " graded but not shown (hidden, or shown after the due date or publication): their names,"
                    + " messages and points are withheld.");
        }
        summary(page, byProblem);
        for (Map.Entry<Integer, List<TestResult>> e : byProblem.entrySet()) {
            problem(page, e.getKey(), e.getValue());
        }
        if (results.output != null && !results.output.isBlank()) {
            Element report = page.add(body, "section");
            page.add(report, "h2", "The grader's report");
            page.add(report, "pre", results.output.strip());
        }
        return page;
    }

    private static void summary(HtmlPage page, Map<Integer, List<TestResult>> byProblem) {
        Element table = page.add(page.body(), "table");
        Element head = page.add(table, "tr");
        page.add(head, "th", "Problem");
        page.add(head, "th", "Title");
        page.add(head, "th", "num", "Tests failed");
        page.add(head, "th", "num", "Points");
        byProblem.forEach((problem, tests) -> {
            Element row = page.add(table, "tr");
            page.add(row, "td", String.valueOf(problem));
            page.add(row, "td", title(tests));
            page.add(row, "td", "num", failed(tests).size() + " of " + tests.size());
            page.add(row, "td", "num", ScoreTable.points(sum(tests, true), sum(tests, false)));
        });
    }

    private static void problem(HtmlPage page, int problem, List<TestResult> tests) {
        Element section = page.add(page.body(), "section");
        section.setAttribute("id", "problem-" + problem);
        page.add(section, "h2", "Problem " + problem + " · " + title(tests) + " — "
                + ScoreTable.points(sum(tests, true), sum(tests, false)));
        for (TestResult t : failed(tests)) {
            Element d = page.add(section, "details");
            d.setAttribute("open", "open");
            page.add(d, "summary", "failed", t.number + "  " + t.name + "  (" + ScoreTable.points(t.score, t.maxScore)
                    + ")");
            String rerun = extra(t, "rerun");
            page.add(d, "pre", message(t.output, rerun));
            if (rerun != null) {
                Element p = page.add(d, "p", "rerun", "Re-run just this test: ");
                page.add(p, "code", rerun);
            }
        }
        List<TestResult> passed = tests.stream().filter(t -> !lostPoints(t)).toList();
        if (!passed.isEmpty()) {
            Element list = page.add(section, "ul", "passed", null);
            for (TestResult t : passed) {
                page.add(list, "li", "✓ " + t.number + "  " + t.name + "  (" + ScoreTable.points(t.score, t.maxScore)
                        + ")");
            }
        }
    }

    /** The test's message without the re-run line, which the page shows on its own. */
    private static String message(String output, String rerun) {
        String text = output == null || output.isBlank() ? "(no message)" : output.strip();
        String line = "re-run just this test: " + rerun;
        return rerun != null && text.endsWith(line) ? text.substring(0, text.length() - line.length()).strip() : text;
    }

    private static String provenance(Results results) {
        Map<String, Object> extra = results.extraData;
        StringBuilder s = new StringBuilder("Written from results.json");
        if (extra != null && extra.get("graded_at") != null) {
            s.append(", graded ").append(extra.get("graded_at"));
        }
        if (extra != null && extra.get("grader") != null) {
            s.append(" by ").append(extra.get("grader"));
        }
        if (extra != null && extra.get("commit") != null) {
            s.append("; commit graded: ").append(extra.get("commit"));
        }
        return s.append('.').toString();
    }

    private static boolean visible(TestResult t) {
        return t.visibility == null || "visible".equals(t.visibility);
    }

    private static boolean lostPoints(TestResult t) {
        return t.score < t.maxScore || "failed".equals(t.status) && t.maxScore > 0;
    }

    private static List<TestResult> failed(List<TestResult> tests) {
        return tests.stream().filter(FeedbackPage::lostPoints).toList();
    }

    private static double sum(List<TestResult> tests, boolean earned) {
        return tests.stream().mapToDouble(t -> earned ? t.score : t.maxScore).sum();
    }

    private static String title(List<TestResult> tests) {
        Object title = tests.get(0).extraData == null ? null : tests.get(0).extraData.get("problem_title");
        return title == null ? "" : title.toString();
    }

    private static int problemOf(TestResult t) {
        Object p = t.extraData == null ? null : t.extraData.get("problem");
        return p instanceof Number n ? n.intValue() : 0;
    }

    private static String extra(TestResult t, String key) {
        Object v = t.extraData == null ? null : t.extraData.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}

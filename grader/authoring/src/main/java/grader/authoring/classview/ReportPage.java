package grader.authoring.classview;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import grader.report.FeedbackPage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class report as one self-contained HTML page (style inline, charts as inline SVG), rendered from the
 * mustache template {@code report.mustache}, which escapes every value but the charts.
 */
final class ReportPage {
    /** How many of the most failed tests the chart shows. */
    static final int CHART_TESTS = 25;

    private ReportPage() {
    }

    /**
     * @param analysis the class's results, analysed
     * @param title    the course's name
     * @param source   the folder the results came from, as the page names it
     * @param results  that folder (to link each submission's feedback page), relative to the page's folder
     * @param signatureNote a note on the catalogue's signatures (absent, say), or null
     */
    static String render(ClassAnalysis analysis, String title, String source, Path results, Path pageFolder,
            String signatureNote) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", title);
        view.put("source", source);
        view.put("written", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
        view.put("signatureNote", signatureNote);
        view.put("figures", figures(analysis));
        view.put("problemChart", ReportCharts.problemDistribution(analysis.problems(), 640, 330));
        List<ClassAnalysis.TestStats> failing = analysis.tests().stream().filter(t -> !t.failedBy().isEmpty()).toList();
        view.put("testChart", ReportCharts.failureRates(failing.subList(0, Math.min(CHART_TESTS, failing.size())),
                1100, 300));
        List<Map<String, Object>> misconceptions = new ArrayList<>();
        List<Map<String, Object>> consistentOnly = new ArrayList<>();
        for (Misconceptions.Match m : analysis.misconceptions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("exactCount", m.exact().size());
            row.put("partialCount", m.partial().isEmpty() ? null : m.partial().size());
            row.put("todo", m.todo());
            row.put("entries", m.entries());
            row.put("exactNames", m.exact().isEmpty() ? "none exactly" : String.join(", ", m.exact()));
            row.put("partialNames", m.partial().isEmpty() ? null : String.join(", ", m.partial()));
            row.put("tests", String.join(" ", m.failedNumbers()));
            (m.exact().isEmpty() ? consistentOnly : misconceptions).add(row);
        }
        view.put("misconceptions", misconceptions);
        view.put("consistentOnly", consistentOnly);
        view.put("consistentCount", consistentOnly.isEmpty() ? null : consistentOnly.size());
        view.put("hasMisconceptions", !misconceptions.isEmpty() || !consistentOnly.isEmpty());
        view.put("noMisconceptions", signatureNote != null ? "No catalogue signatures to compare with."
                : "No student's failures match a known mistake of the catalogue.");
        view.put("bins", ClassAnalysis.BINS);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ClassAnalysis.ProblemStats p : analysis.problems()) {
            List<Integer> bins = new ArrayList<>();
            for (int b : p.bins()) {
                bins.add(b);
            }
            problems.add(Map.of("problem", p.problem(), "title", p.title(), "max", points(p.max()), "mean",
                    points(p.mean()), "bins", bins));
        }
        view.put("problems", problems);
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int i = 0; i < failing.size(); i++) {
            ClassAnalysis.TestStats t = failing.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", t.number());
            row.put("name", t.name() + (t.visible() ? "" : " (hidden)"));
            row.put("points", points(t.points()));
            row.put("failed", t.failedBy().size());
            row.put("graded", t.graded());
            row.put("rate", String.format(Locale.ROOT, "%.0f%%", 100 * t.failureRate()));
            row.put("barWidth", Math.round(100 * t.failureRate()));
            row.put("patterns", t.groups().size());
            row.put("onePattern", t.groups().size() == 1);
            row.put("open", i < 5);
            List<Map<String, Object>> groups = new ArrayList<>();
            for (ClassAnalysis.MessageGroup g : t.groups()) {
                groups.add(Map.of("count", g.students().size(), "one", g.students().size() == 1, "students",
                        String.join(", ", g.students()), "example", clip(g.example(), 1200)));
            }
            row.put("groups", groups);
            tests.add(row);
        }
        view.put("failingTests", tests);
        List<Map<String, Object>> students = new ArrayList<>();
        for (ClassAnalysis.Student s : analysis.students()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("score", points(s.score()) + " / " + points(s.max()));
            row.put("likely", String.join("; ", s.likely()));
            row.put("consistent", s.consistent().isEmpty() ? null : String.join("; ", s.consistent()));
            Path page = results.resolve(s.name()).resolve(FeedbackPage.FILE);
            row.put("page", Files.isRegularFile(page) ? link(pageFolder, page) : null);
            students.add(row);
        }
        view.put("students", students);
        List<Map<String, Object>> notGraded = new ArrayList<>();
        analysis.notGraded().forEach((n, why) -> notGraded.add(Map.of("name", n, "why", why)));
        analysis.unreadable().forEach((n, why) -> notGraded.add(Map.of("name", n, "why", "unreadable: " + why)));
        view.put("notGraded", notGraded);

        Mustache template = new DefaultMustacheFactory("grader/authoring/classview").compile("report.mustache");
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    private static List<Map<String, Object>> figures(ClassAnalysis analysis) {
        List<Double> shares = analysis.students().stream().filter(s -> s.max() > 0).map(s -> s.score() / s.max())
                .sorted().toList();
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of("value", analysis.students().size(), "label", "graded"));
        if (!analysis.notGraded().isEmpty() || !analysis.unreadable().isEmpty()) {
            out.add(Map.of("value", analysis.notGraded().size() + analysis.unreadable().size(), "label",
                    "could not be graded"));
        }
        if (!shares.isEmpty()) {
            double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.add(Map.of("value", percent(mean), "label", "mean score"));
            out.add(Map.of("value", percent(shares.get(shares.size() / 2)), "label", "median score"));
            out.add(Map.of("value", shares.stream().filter(x -> x >= 1 - 1e-9).count(), "label", "full marks"));
        }
        long matched = analysis.students().stream().filter(s -> !s.likely().isEmpty()).count();
        out.add(Map.of("value", matched, "label", "match a known misconception"));
        out.add(Map.of("value", analysis.tests().stream().filter(t -> !t.failedBy().isEmpty()).count() + " of "
                + analysis.tests().size(), "label", "tests failed by someone"));
        return out;
    }

    private static String link(Path from, Path to) {
        try {
            return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return to.toAbsolutePath().toUri().toString();
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String points(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }
}

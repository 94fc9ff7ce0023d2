package grader.authoring.classview;

import grader.authoring.verify.CatalogueSignatures.Signature;
import grader.report.Results;
import grader.report.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a class's results say, for the class report: each problem's score distribution, each test's failure rate
 * with its failure messages grouped by pattern, and which known misconceptions the students' failures match
 * ({@link Misconceptions}). Tests are matched across students by their test method, so results graded by slightly
 * different suites still line up.
 */
public final class ClassAnalysis {
    /** The bins of a problem's score distribution, as shares of the problem's points, best first. */
    static final List<String> BINS = List.of("100%", "75–99%", "50–74%", "1–49%", "0%");

    /** A problem: its title, points, and how many students fall in each bin. */
    public record ProblemStats(int problem, String title, double max, int[] bins, double mean) {
    }

    /** A failure message pattern of one test, with an example and who got it. */
    public record MessageGroup(String pattern, String example, List<String> students) {
    }

    /** A test across the class. */
    public record TestStats(String id, String number, String name, int problem, double points, boolean visible,
            List<String> failedBy, int graded, List<MessageGroup> groups) {
        public double failureRate() {
            return graded == 0 ? 0 : (double) failedBy.size() / graded;
        }
    }

    /** A graded submission: its score and the misconceptions its failures match. */
    public record Student(String name, double score, double max, List<String> likely, List<String> consistent) {
    }

    private final List<ProblemStats> problems = new ArrayList<>();
    private final List<TestStats> tests = new ArrayList<>();
    private final List<Student> students = new ArrayList<>();
    private final List<Misconceptions.Match> misconceptions;
    private final Map<String, String> notGraded;
    private final Map<String, String> unreadable;
    private final Map<String, Results> graded;

    private ClassAnalysis(ClassResults results, Map<String, Signature> signatures) {
        graded = results.graded();
        notGraded = results.notGraded();
        unreadable = results.unreadable();
        problemStats();
        testStats();
        misconceptions = Misconceptions.match(graded, signatures);
        Map<String, List<String>> likely = new TreeMap<>();
        Map<String, List<String>> consistent = new TreeMap<>();
        for (Misconceptions.Match m : misconceptions) {
            String names = String.join(" or ", m.entryNames());
            m.exact().forEach(s -> likely.computeIfAbsent(s, k -> new ArrayList<>()).add(names));
            m.partial().forEach(s -> consistent.computeIfAbsent(s, k -> new ArrayList<>()).add(names));
        }
        graded.forEach((name, r) -> students.add(new Student(name, r.score, r.maxScore(),
                likely.getOrDefault(name, List.of()), consistent.getOrDefault(name, List.of()))));
    }

    public static ClassAnalysis of(ClassResults results, Map<String, Signature> signatures) {
        return new ClassAnalysis(results, signatures);
    }

    private void problemStats() {
        Map<Integer, String> titles = new TreeMap<>();
        Map<Integer, Double> max = new TreeMap<>();
        for (Results r : graded.values()) {
            Map<Integer, Double> mine = new TreeMap<>();
            for (TestResult t : r.tests) {
                titles.putIfAbsent(problemOf(t), String.valueOf(extra(t, "problem_title", "")));
                mine.merge(problemOf(t), t.maxScore, Double::sum);
            }
            mine.forEach((p, m) -> max.merge(p, m, Math::max));
        }
        for (Map.Entry<Integer, Double> e : max.entrySet()) {
            int p = e.getKey();
            int[] bins = new int[BINS.size()];
            double sum = 0;
            for (Results r : graded.values()) {
                double score = r.tests.stream().filter(t -> problemOf(t) == p).mapToDouble(t -> t.score).sum();
                sum += score;
                bins[bin(e.getValue() == 0 ? 1 : score / e.getValue())]++;
            }
            problems.add(new ProblemStats(p, titles.get(p), e.getValue(), bins, sum / graded.size()));
        }
    }

    static int bin(double share) {
        if (share >= 1 - 1e-9) {
            return 0;
        }
        if (share >= 0.75) {
            return 1;
        }
        if (share >= 0.5) {
            return 2;
        }
        return share > 1e-9 ? 3 : 4;
    }

    private void testStats() {
        Map<String, List<String>> failedBy = new LinkedHashMap<>();
        Map<String, Integer> gradedCount = new LinkedHashMap<>();
        Map<String, TestResult> first = new LinkedHashMap<>();
        Map<String, Map<String, MessageGroupBuilder>> groups = new LinkedHashMap<>();
        graded.forEach((student, r) -> {
            for (TestResult t : r.tests) {
                String id = idOf(t);
                first.putIfAbsent(id, t);
                gradedCount.merge(id, 1, Integer::sum);
                failedBy.computeIfAbsent(id, k -> new ArrayList<>());
                if (t.score < t.maxScore) {
                    failedBy.get(id).add(student);
                    groups.computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(FailureMessages.pattern(t.output),
                                    k -> new MessageGroupBuilder(FailureMessages.message(t.output)))
                            .students.add(student);
                }
            }
        });
        first.forEach((id, t) -> {
            List<MessageGroup> g = new ArrayList<>();
            groups.getOrDefault(id, Map.of()).forEach((pattern, b) -> g.add(new MessageGroup(pattern, b.example,
                    List.copyOf(b.students))));
            g.sort(Comparator.comparingInt((MessageGroup m) -> m.students().size()).reversed());
            tests.add(new TestStats(id, t.number, t.name, problemOf(t), t.maxScore,
                    t.visibility == null || "visible".equals(t.visibility), failedBy.get(id), gradedCount.get(id), g));
        });
        // Most failed first; among equals, in the report's order.
        tests.sort(Comparator.comparingDouble(TestStats::failureRate).reversed()
                .thenComparing(TestStats::number, ClassAnalysis::compareNumbers));
    }

    /** Test numbers in the report's order: 1.2.10 after 1.2.9. */
    static int compareNumbers(String a, String b) {
        String[] x = String.valueOf(a).split("\\.");
        String[] y = String.valueOf(b).split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static final class MessageGroupBuilder {
        final String example;
        final List<String> students = new ArrayList<>();

        MessageGroupBuilder(String example) {
            this.example = example;
        }
    }

    static String idOf(TestResult t) {
        Object id = t.extraData == null ? null : t.extraData.get("test");
        return id != null ? id.toString() : t.number + " " + t.name;
    }

    static int problemOf(TestResult t) {
        Object p = t.extraData == null ? null : t.extraData.get("problem");
        return p instanceof Number n ? n.intValue() : 0;
    }

    private static Object extra(TestResult t, String key, Object otherwise) {
        Object v = t.extraData == null ? null : t.extraData.get(key);
        return v == null ? otherwise : v;
    }

    public List<ProblemStats> problems() {
        return problems;
    }

    public List<TestStats> tests() {
        return tests;
    }

    public List<Student> students() {
        return students;
    }

    public List<Misconceptions.Match> misconceptions() {
        return misconceptions;
    }

    public Map<String, String> notGraded() {
        return notGraded;
    }

    public Map<String, String> unreadable() {
        return unreadable;
    }

    public Map<String, Results> graded() {
        return graded;
    }
}

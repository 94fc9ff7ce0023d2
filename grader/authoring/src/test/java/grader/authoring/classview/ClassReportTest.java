package grader.authoring.classview;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import grader.authoring.verify.CatalogueSignatures;
import grader.authoring.verify.CatalogueSignatures.Signature;
import grader.course.Layout;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class report on a class of made-up results: four tests of two TODOs, two catalogue signatures, students who
 * match them exactly, partly, or without the symptom, one who passed, one not graded, one unreadable file.
 */
class ClassReportTest {
    private static final String T1 = "hw.PowTest#gradient";
    private static final String T2 = "hw.PowTest#values";
    private static final String T3 = "hw.PowTest#shapes";
    private static final String T4 = "hw.TanhTest#gradient";

    @TempDir
    static Path dir;
    static ClassAnalysis analysis;
    static String console;

    @BeforeAll
    static void report() throws IOException {
        Path results = dir.resolve("graded");
        String symptom = "expected 2.0 but was %s: the gradient keeps the exponent";
        write(results, "ada", Map.of(T1, symptom.formatted("3.5"), T2, "values differ at [0, 1]: 4.0 vs 8.0"));
        write(results, "bob", Map.of(T1, symptom.formatted("7.25"), T2, "values differ at [2, 3]: 1.5 vs 2.5"));
        write(results, "cy", Map.of(T1, "expected 2.0 but was 3.5", T2, "values differ at [0, 1]: 4.0 vs 8.0"));
        write(results, "dee", Map.of(T1, symptom.formatted("1e-3"), T2, "values differ", T3, "wrong shape"));
        write(results, "eve", Map.of(T4, "tanh'(0.5) should be 0.786 <b>not</b> 0.5"));
        write(results, "fay", Map.of());
        Results failed = new Results();
        failed.output = "could not grade this submission: not a readable zip";
        ResultsJson.write(results.resolve("gus/results.json"), failed);
        Files.writeString(results.resolve("notes.json"), "{\"hello\": 1}");

        Path signatures = dir.resolve("signatures.json");
        Files.writeString(signatures, new Gson().toJson(List.of(
                new Signature("1.1-pow-keeps-exponent", "mistake", "1.1", "The power rule keeps the exponent.",
                        "keeps the exponent", true, List.of(T1, T2, T3), List.of(T1, T2), List.of("1.1.1", "1.1.2")),
                new Signature("1.2-tanh-not-squared", "mistake", "1.2", "tanh' is 1 - tanh, not 1 - tanh².", null,
                        false, List.of(T4), List.of(T4), List.of("1.2.1")),
                new Signature("alt-1.2-expanded", "alternative", "1.2", "An alternative.", null, false, List.of(T4),
                        List.of(), List.of()))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        analysis = ClassReport.run(new Layout(dir), results, dir.resolve("report"), signatures,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        console = printed.toString(StandardCharsets.UTF_8);
    }

    /** A submission's results.json: the four tests, those in {@code failures} failed with their message. */
    private static void write(Path results, String student, Map<String, String> failures) {
        Results r = new Results();
        String[][] tests = {{T1, "1.1.1", "1.1"}, {T2, "1.1.2", "1.1"}, {T3, "1.1.3", "1.1"}, {T4, "1.2.1", "1.2"}};
        for (String[] t : tests) {
            TestResult test = new TestResult();
            test.name = t[0].replace('#', ' ');
            test.number = t[1];
            test.maxScore = 2;
            boolean failedIt = failures.containsKey(t[0]);
            test.score = failedIt ? 0 : 2;
            test.status = failedIt ? "failed" : "passed";
            test.output = failedIt ? failures.get(t[0]) + "\nre-run just this test: mvn test -Dgrade.test=" + t[0] : "";
            test.visibility = "visible";
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("problem", 1);
            extra.put("problem_title", "Tensors");
            extra.put("todos", List.of(t[2]));
            extra.put("test", t[0]);
            test.extraData = extra;
            r.tests.add(test);
            r.score += test.score;
        }
        ResultsJson.write(results.resolve(student).resolve("results.json"), r);
    }

    @Test
    void theMisconceptionsAreThoseWhoseSignatureTheFailuresMatch() {
        List<Misconceptions.Match> matches = analysis.misconceptions();
        assertThat(matches).hasSize(2);
        Misconceptions.Match pow = matches.get(0);
        assertThat(pow.entryNames()).containsExactly("1.1-pow-keeps-exponent");
        // cy failed the same tests without the symptom the catalogue's run showed; dee failed one more.
        assertThat(pow.exact()).containsExactly("ada", "bob");
        assertThat(pow.partial()).containsExactly("dee");
        assertThat(matches.get(1).exact()).containsExactly("eve");
        assertThat(analysis.students()).filteredOn(s -> s.name().equals("cy")).singleElement()
                .satisfies(s -> assertThat(s.likely()).isEmpty());
    }

    @Test
    void testsAreSortedByFailureRateAndMessagesGroupedWhenOnlyNumbersDiffer() {
        ClassAnalysis.TestStats first = analysis.tests().get(0);
        assertThat(first.number()).isIn("1.1.1", "1.1.2");
        assertThat(first.failedBy()).hasSize(4);
        assertThat(first.graded()).isEqualTo(6);
        ClassAnalysis.TestStats t1 = analysis.tests().stream().filter(t -> t.id().equals(T1)).findFirst().orElseThrow();
        assertThat(t1.groups()).hasSize(2);
        assertThat(t1.groups().get(0).pattern()).isEqualTo("expected # but was #: the gradient keeps the exponent");
        assertThat(t1.groups().get(0).students()).containsExactly("ada", "bob", "dee");
        ClassAnalysis.TestStats t2 = analysis.tests().stream().filter(t -> t.id().equals(T2)).findFirst().orElseThrow();
        assertThat(t2.groups().get(0).pattern()).isEqualTo("values differ at [#, …]: # vs #");
        assertThat(t2.groups().get(0).students()).containsExactly("ada", "bob", "cy");
    }

    @Test
    void theDistributionPerProblemCountsStudentsByShareOfPoints() {
        ClassAnalysis.ProblemStats p = analysis.problems().get(0);
        assertThat(p.max()).isEqualTo(8);
        // fay 8/8; eve 6/8; ada, bob, cy 4/8; dee 2/8.
        assertThat(p.bins()).containsExactly(1, 1, 3, 1, 0);
    }

    @Test
    void thePageIsOneSelfContainedFileWithItsChartsAndEveryValueEscaped() throws IOException {
        String html = Files.readString(dir.resolve("report/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("{{").doesNotContain("<script")
                .doesNotContain("<link");
        assertThat(html).contains("The power rule keeps the exponent.").contains("1.1-pow-keeps-exponent");
        assertThat(html).contains("&lt;b&gt;not&lt;/b&gt;").doesNotContain("<b>not</b>");
        assertThat(html).contains("not graded: could not grade this submission: not a readable zip");
        assertThat(html).contains("unreadable: ").contains("notes");
    }

    @Test
    void theCsvsHaveARowPerTestAndPerSubmission() throws IOException {
        List<String> tests = Files.readAllLines(dir.resolve("report/report.csv"));
        assertThat(tests.get(0)).startsWith("test,name,problem,points,failed,graded,failure rate");
        assertThat(tests).hasSize(5);
        assertThat(tests.get(1)).contains(",4,6,0.667,");
        List<String> students = Files.readAllLines(dir.resolve("report/report-students.csv"));
        assertThat(students).contains("ada,4,8,1.1-pow-keeps-exponent,", "dee,2,8,,1.1-pow-keeps-exponent",
                "eve,6,8,1.2-tanh-not-squared,");
        assertThat(students).anyMatch(s -> s.startsWith("gus,,,not graded"));
        assertThat(console).contains("report: 6 graded, 2 not graded");
    }

    @Test
    void inBatchOutputASubmissionStillBeingGradedCountsWithItsPreviousResultsOrNotAtAll() throws IOException {
        Path batch = dir.resolve("batch");
        write(batch, "done", Map.of(T4, "wrong"));
        Files.writeString(batch.resolve("done/.graded"), "{}");
        write(batch, "regrading", Map.of());
        Files.copy(batch.resolve("done/results.json"), batch.resolve("regrading/previous-results.json"));
        write(batch, "first-time", Map.of(T1, "not run: the grading run ended before this test was reached"));
        ClassResults read = ClassResults.read(batch);
        assertThat(read.submissions()).containsOnlyKeys("done", "regrading");
        assertThat(read.submissions().get("regrading").score).isEqualTo(6.0);
        assertThat(read.unreadable()).containsOnlyKeys("first-time");
    }

    @Test
    void withoutSignaturesTheReportSaysHowToGetThem() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ClassReport.run(new Layout(dir), dir.resolve("graded"), dir.resolve("bare"), dir.resolve("none.json"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("run grader/kit mistakes once");
        assertThat(Files.readString(dir.resolve("bare/report.html"))).contains("No catalogue signatures");
        assertThat(CatalogueSignatures.read(dir.resolve("none.json"))).isEmpty();
    }
}

package grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The student's page: every visible test with its message and re-run command, hidden tests withheld. */
class FeedbackPageTest {
    private static TestResult test(String number, String name, double score, double max, String visibility,
            String output, String rerun) {
        TestResult t = new TestResult();
        t.number = number;
        t.name = name;
        t.score = score;
        t.maxScore = max;
        t.status = score == max ? "passed" : "failed";
        t.visibility = visibility;
        t.output = rerun == null ? output : output + "\nre-run just this test: " + rerun;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("problem", Integer.parseInt(number.substring(0, number.indexOf('.'))));
        extra.put("problem_title", number.startsWith("1") ? "Tensors" : "Secrets");
        if (rerun != null) {
            extra.put("rerun", rerun);
        }
        t.extraData = extra;
        return t;
    }

    private static Results results() {
        Results r = new Results();
        r.tests.addAll(List.of(
                test("1.1.1", "pow: forward", 2, 2, "visible", "", null),
                test("1.1.2", "pow: backward <grad>", 0, 3, "visible", "expected 2.0 but was <b>4.0</b>",
                        "mvn test -Pgrade -Dgrade.test=hw.tensor.PowTest#gradient"),
                test("2.1.1", "SecretNameOfAHiddenTest", 0, 5, "hidden", "secret message 42", null)));
        r.score = 2;
        r.output = "Problem   Title\n1 Tensors 2 / 5";
        return r;
    }

    @Test
    void showsEachVisibleTestWithItsMessageAndRerunCommand() {
        String html = FeedbackPage.page(results(), "alice").render();
        assertThat(html).startsWith("<!DOCTYPE html").contains("<title>Feedback: alice</title>");
        assertThat(html).contains("2 / 5 points on the tests shown here");
        assertThat(html).contains("1.1.2  pow: backward &lt;grad&gt;  (0 / 3)");
        // The message is escaped, shown once, and the re-run command stands on its own.
        assertThat(html).contains("expected 2.0 but was &lt;b&gt;4.0&lt;/b&gt;</pre>");
        assertThat(html).contains("<code>mvn test -Pgrade -Dgrade.test=hw.tensor.PowTest#gradient</code>");
        assertThat(html).contains("✓ 1.1.1  pow: forward  (2 / 2)");
    }

    @Test
    void withholdsHiddenTestsNamesMessagesAndPoints() {
        String html = FeedbackPage.page(results(), "alice").render();
        assertThat(html).doesNotContain("SecretNameOfAHiddenTest").doesNotContain("secret message")
                .doesNotContain("Secrets").doesNotContain("/ 10");
        assertThat(html).contains("1 more test is graded but not shown");
    }

    @Test
    void aSubmissionThatCouldNotBeGradedSaysWhy() {
        Results r = new Results();
        r.output = "could not grade this submission: not a readable zip";
        assertThat(FeedbackPage.page(r, null).render()).contains("<h1>Feedback</h1>")
                .contains("could not grade this submission: not a readable zip");
    }
}

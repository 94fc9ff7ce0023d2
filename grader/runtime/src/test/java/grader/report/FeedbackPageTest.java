package grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

/** The student's page: every visible test with its message and re-run command, hidden tests withheld. */
class FeedbackPageTest {
    /** Two visible tests of Problem 1 (one failed, with a re-run command) and a hidden one of Problem 2. */
    private static Results results() {
        String json = """
                {"score": 2, "output": "Problem   Title\\n1 Tensors 2 / 5", "tests": [
                  {"number": "1.1.1", "name": "pow: forward", "score": 2, "max_score": 2, "status": "passed",
                   "output": "", "visibility": "visible",
                   "extra_data": {"problem": 1, "problem_title": "Tensors"}},
                  {"number": "1.1.2", "name": "pow: backward <grad>", "score": 0, "max_score": 3, "status": "failed",
                   "output": "expected 2.0 but was <b>4.0</b>\\nre-run just this test: RERUN",
                   "visibility": "visible",
                   "extra_data": {"problem": 1, "problem_title": "Tensors", "rerun": "RERUN"}},
                  {"number": "2.1.1", "name": "SecretNameOfAHiddenTest", "score": 0, "max_score": 5,
                   "status": "failed", "output": "secret message 42", "visibility": "hidden",
                   "extra_data": {"problem": 2, "problem_title": "Secrets"}}]}
                """.replace("RERUN", "mvn test -Pgrade -Dgrade.test=hw.tensor.PowTest#gradient");
        return new Gson().fromJson(json, Results.class);
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

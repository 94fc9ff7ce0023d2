package grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    private static TestResult test(String number, String name, int problem, String title, double score, double max,
            String output) {
        TestResult t = new TestResult();
        t.number = number;
        t.name = name;
        t.score = score;
        t.maxScore = max;
        t.status = score == max ? "passed" : "failed";
        t.output = output;
        t.visibility = "visible";
        t.extraData = Map.of("problem", problem, "problem_title", title);
        return t;
    }

    private static Results results(TestResult... tests) {
        Results r = new Results();
        r.tests.addAll(List.of(tests));
        r.score = r.tests.stream().mapToDouble(t -> t.score).sum();
        return r;
    }

    private static final Results SAMPLE = results(
            test("1.1", "Pow: forward", 1, "Tensors", 1, 1, ""),
            test("1.2", "Pow: backward", 1, "Tensors", 0, 2, "gradient is wrong at element [0]\nmore detail"),
            test("1.3", "Tanh: forward", 1, "Tensors", 1.5, 1.5, ""),
            test("2.1", "Attention: mask", 2, "Attention", 0, 3, "not implemented yet: Problem 2.1 (mask)"),
            test("2.2", "Attention: disabled", 2, "Attention", 0, 0, "skipped by the instructor, not counted"));

    private static List<String> lines(String table) {
        return table.lines().toList();
    }

    @Test
    void eachProblemHasARowWithItsTestsAndPoints() {
        List<String> lines = lines(ScoreTable.render(SAMPLE));
        assertThat(lines.get(0)).matches("Problem\\s+Title\\s+Tests\\s+Points");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("1\\s+Tensors\\s+3\\s+2.50 / 4.50"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("2\\s+Attention\\s+2\\s+0 / 3"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("Total\\s+5\\s+2.50 / 7.50"));
    }

    @Test
    void eachTestThatLostPointsGetsItsNameThenItsMessage() {
        String table = ScoreTable.render(SAMPLE);
        assertThat(table).contains("Tests that lost points (2):");
        List<String> lost = lines(table.substring(table.indexOf("Tests that lost points")));
        assertThat(lost).containsExactly("Tests that lost points (2):",
                "  1.2      Pow: backward [0 / 2]",
                "           gradient is wrong at element [0]",
                "           more detail",
                "  2.1      Attention: mask [0 / 3]",
                "           not implemented yet: Problem 2.1 (mask)");
        assertThat(table).doesNotContain("Attention: disabled", "Pow: forward");
    }

    @Test
    void theCommandThatReRunsATestComesUnderItsMessageOnce() {
        String rerun = "mvn test -Pgrade -Dgrade.test=hw.tensor.PowTest#gradient";
        TestResult t = test("1.1.1", "Pow: backward", 1, "Tensors", 0, 2, "gradient is wrong\n"
                + ScoreTable.RERUN_PREFIX + rerun);
        t.extraData = Map.of("problem", 1, "problem_title", "Tensors", "rerun", rerun);
        List<String> lines = lines(ScoreTable.render(results(t)));
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
                "           gradient is wrong", "           re-run: " + rerun);
        assertThat(String.join("\n", lines)).containsOnlyOnce(rerun);
    }

    @Test
    void aLongMessageIsWrappedAndCutToAFewLinesThatSayWhereTheRestIs() {
        String words = "word ".repeat(400).strip();
        TestResult t = test("4.1.02", "Attention: causal", 4, "Transformer", 0, 1, words);
        String table = ScoreTable.render(results(t), true, "more in out/results.json (test %s)");
        List<String> message = lines(table.substring(table.indexOf("Attention: causal"))).subList(1,
                ScoreTable.MESSAGE_LINES + 1);
        assertThat(message).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(ScoreTable.WIDTH));
        assertThat(message.get(0)).startsWith("           word word");
        assertThat(message.get(ScoreTable.MESSAGE_LINES - 1))
                .isEqualTo("           … (more in out/results.json (test 4.1.02))");
        assertThat(lines(table)).hasSize(lines(table).indexOf("  4.1.02   Attention: causal [0 / 1]") + 1
                + ScoreTable.MESSAGE_LINES);
    }

    @Test
    void aFullScoreListsNoLostTests() {
        String table = ScoreTable.render(results(test("1.1", "A: a", 1, "One", 2, 2, "")));
        assertThat(table).doesNotContain("Tests that lost points");
        assertThat(lines(table)).anySatisfy(l -> assertThat(l).matches("Total\\s+1\\s+2 / 2"));
    }

    @Test
    void aLongTitleIsClipped() {
        String title = "A title far longer than the forty-six characters the column holds";
        String table = ScoreTable.render(results(test("1.1", "A: a", 1, title, 1, 1, "")));
        assertThat(table).contains(title.substring(0, 45) + "…").doesNotContain(title);
    }

    @Test
    void theStudentsViewLeavesOutTestsThatAreNotVisible() {
        TestResult hidden = test("3.1", "Secret: holdout set", 3, "Hidden", 0, 5, "wrong on the holdout set");
        hidden.visibility = "hidden";
        Results r = results(test("1.1", "Pow: forward", 1, "Tensors", 1, 1, ""), hidden);
        String table = ScoreTable.render(r, true);
        assertThat(table).doesNotContain("Secret", "holdout", "Hidden");
        assertThat(ScoreTable.render(r)).contains("Secret: holdout set", "wrong on the holdout set");
    }
}

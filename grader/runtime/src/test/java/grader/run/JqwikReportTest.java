package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import grader.report.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failing jqwik property is reported with what it takes to reproduce it: seed, shrunk sample, a command. */
class JqwikReportTest {
    private static final String RERUN = "mvn -q test -Dgrade.test=%s";
    private static Grading.Run run;

    @BeforeAll
    static void gradeTheProperties() {
        run = Grading.grade("jqwik", "--test", "grader.samples.jqwik.PropertySample", "--rerun", RERUN);
    }

    @Test
    void aFailingPropertyEarnsNothingAndAHoldingOneEarnsItsPoints() {
        TestResult failing = run.test("staysBelowOneHundred");
        assertThat(failing.score).isZero();
        assertThat(failing.maxScore).isEqualTo(2);
        assertThat(failing.extraData.get("outcome")).isEqualTo("failed");
        TestResult holding = run.test("addingZeroChangesNothing");
        assertThat(holding.score).isEqualTo(1);
        assertThat(holding.extraData).doesNotContainKeys("seed", "sample", "rerun");
        assertThat(run.results().score).isEqualTo(1);
    }

    @Test
    void theOutputNamesTheSeedAndTheShrunkSample() {
        String output = run.test("staysBelowOneHundred").output;
        assertThat(output).contains("[n]").contains("100");
        assertThat(output).contains("jqwik seed 42; Shrunk Sample");
        // The shrunk sample is the smallest failing value: exactly 100.
        assertThat(output).containsPattern("Shrunk Sample[^\\n]*:\\n\\s+(n|arg0): 100(\\n|$)");
    }

    @Test
    void extraDataCarriesTheSeedAndTheSample() {
        TestResult t = run.test("staysBelowOneHundred");
        assertThat(t.extraData.get("seed")).isEqualTo("42");
        assertThat(String.valueOf(t.extraData.get("sample"))).matches("(n|arg0): 100");
        assertThat(String.valueOf(t.extraData.get("sample_kind"))).startsWith("Shrunk Sample");
    }

    @Test
    void theRerunHintNamesTheFailingProperty() {
        TestResult t = run.test("staysBelowOneHundred");
        String rerun = "mvn -q test -Dgrade.test=grader.samples.jqwik.PropertySample#staysBelowOneHundred";
        assertThat(t.extraData.get("rerun")).isEqualTo(rerun);
        assertThat(t.output).contains("\nre-run just this test: " + rerun);
    }
}

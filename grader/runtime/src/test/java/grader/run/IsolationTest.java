package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades {@code grader.samples.misbehaving.MisbehavingSubmission} in child JVMs: each misbehaviour costs its
 * own test only, with a message that says what happened, and nothing the submission does changes the score.
 */
class IsolationTest {
    @TempDir
    static Path out;
    static Results results;
    static Map<String, TestResult> byMethod;
    static String console;

    @BeforeAll
    static void gradeTheMisbehavingSubmission() throws URISyntaxException {
        Path testClasses = Paths.get(IsolationTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        GradingRun.run(GradeCommand.parse(new String[] {
            "--tests", testClasses.toString(), "--test", "grader.samples.misbehaving.*", "--out", out.toString(),
            "--time-limit", "20", "--jvm-arg", "-Xmx96m", "--output-cap", "4096"}),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        console = printed.toString(StandardCharsets.UTF_8);
        results = ResultsJson.read(out.resolve("results.json"));
        byMethod = results.tests.stream().collect(Collectors.toMap(
                t -> String.valueOf(t.extraData.get("test")).replaceFirst(".*#", ""), Function.identity()));
    }

    private static TestResult result(String method) {
        assertThat(byMethod).containsKey(method);
        return byMethod.get(method);
    }

    @Test
    void onlyTheWellBehavedTestsEarnPoints() {
        assertThat(results.tests).hasSize(13);
        assertThat(results.score).isEqualTo(4.0);
        assertThat(results.maxScore()).isEqualTo(13.0);
        assertThat(result("passesFirst").score).isEqualTo(1.0);
        assertThat(result("passesLast").score).isEqualTo(1.0);
        assertThat(result("printsALotAndPasses").score).isEqualTo(1.0);
        assertThat(result("waitsLongerThanItsLimitWithoutComputing").score).isEqualTo(1.0);
    }

    @Test
    void theWorkFolderSaysAsWhomTheTestJvmsRan() throws IOException {
        assertThat(Files.readString(out.resolve("work/child-sandbox.txt")))
                .startsWith("the children run as ");
    }

    @Test
    void anEndlessLoopTimesOut() {
        assertThat(result("loopsForever").score).isZero();
        assertThat(result("loopsForever").output).startsWith("timed out after 1 s of CPU time");
    }

    @Test
    void aLimitIsChargedInCpuTimeWithTheWallClockAsABackstop() {
        // Waiting 2.5 s under a 1 s limit passes: only computing is charged, as on a busy machine.
        Map<String, Object> waited = result("waitsLongerThanItsLimitWithoutComputing").extraData;
        assertThat((Double) waited.get("seconds")).isGreaterThan(2.4);
        assertThat((Double) waited.get("cpu_seconds")).isLessThan(1.0);
        // Sleeping for ever is still stopped, after 5 times the limit spent idle.
        assertThat(result("sleepsForever").score).isZero();
        assertThat(result("sleepsForever").output).startsWith("stopped: it computed nothing for 5 s")
                .contains("it sleeps or waits");
    }

    @Test
    void systemExitAndHaltAreCharged() {
        assertThat(result("callsSystemExit").output).contains("System.exit");
        assertThat(result("halts").output).contains("ended abruptly").contains("exit status 7");
        assertThat(result("callsSystemExit").score + result("halts").score).isZero();
    }

    @Test
    void memoryAndStackExhaustionAreCharged() {
        assertThat(result("exhaustsTheHeap").output).contains("out of memory");
        assertThat(result("overflowsTheStack").output).contains("StackOverflowError");
    }

    @Test
    void aNativeCrashIsCharged() {
        assertThat(result("crashesInNativeCode").output).contains("crashed in native code");
        assertThat(result("crashesInNativeCode").score).isZero();
    }

    @Test
    void aThreadLeftRunningIsCharged() {
        assertThat(result("leavesAThreadRunning").output).contains("left a thread running").contains("student-worker");
        assertThat(result("leavesAThreadRunning").score).isZero();
    }

    @Test
    void forgingTheScoreHasNoEffect() {
        assertThat(result("forgesItsScore").score).isZero();
        assertThat(result("forgesItsScore").output).contains("however it cheats");
        assertThat(ResultsJson.read(out.resolve("results.json")).score).isEqualTo(4.0);
        assertThat(console).doesNotContain("1000");
    }

    @Test
    void printedOutputIsCappedAndMarked() {
        String output = result("printsALotAndPasses").output;
        assertThat(output).contains("[truncated]");
        assertThat(output.length()).isLessThan(6_000);
    }

    @Test
    void theProvisionalFileIsReplacedAtomically() throws Exception {
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }
}

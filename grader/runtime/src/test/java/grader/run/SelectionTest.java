package grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --problem and --test choose what is graded; a choice that matches nothing is an error, not an empty grade. */
class SelectionTest {
    @TempDir
    Path out;

    private GradingRun.Settings options(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--tests", Grading.testClasses().toString(), "--out",
                out.toString()));
        args.addAll(List.of(more));
        return GradeCommand.parse(args.toArray(String[]::new));
    }

    private void run(GradingRun.Settings options) {
        GradingRun.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void problemSelectsOnlyThatProblemsTests() {
        Grading.Run run = Grading.grade("problem-4", "--problem", "4", "--test", Grading.SCORING, "--in-process");
        assertThat(run.results().tests).extracting(t -> t.extraData.get("problem"))
                .containsOnly(4.0).hasSize(6);
        assertThat(run.results().tests).extracting(t -> t.number)
                .containsExactly("4.0.1", "4.0.2", "4.0.3", "4.0.4", "4.0.5", "4.0.6");
    }

    @Test
    void testSelectsOneMethodByClassAndMethodName() {
        Grading.Run run = Grading.grade("one-method", "--test=grader.samples.scoring.ScoredSample#aborts",
                "--in-process");
        assertThat(run.results().tests).extracting(t -> t.extraData.get("test"))
                .containsExactly("grader.samples.scoring.ScoredSample#aborts");
        assertThat(run.results().tests.get(0).number).isEqualTo("3.0.1");
    }

    @Test
    void testSelectsAClassBySimpleName() {
        Grading.Run run = Grading.grade("one-class", "--test", "VisibilitySample", "--in-process");
        assertThat(run.results().tests).hasSize(4).allSatisfy((TestResult t) -> assertThat(
                String.valueOf(t.extraData.get("test"))).startsWith("grader.samples.scoring.VisibilitySample#"));
    }

    @Test
    void aTodoSelectsTheTestsThatNameItAndTheyAreNumberedUnderTheirFirstTodo() {
        Grading.Run all = Grading.grade("todos", "--test", "grader.samples.todos.*", "--in-process");
        assertThat(all.results().tests).extracting(t -> t.number + " " + t.extraData.get("test"))
                .containsExactly("5.1.1 grader.samples.todos.TodoSample#gradesTheClassTodo",
                        "5.2.1 grader.samples.todos.TodoSample#namesTwoTodosAndIsFiledUnderTheFirst",
                        "5.3.1 grader.samples.todos.TodoSample#problem5_1_inItsNameIsNotItsTodo");
        assertThat(all.results().tests.get(1).extraData.get("todos")).isEqualTo(List.of("5.2", "5.3"));
        Grading.Run todo = Grading.grade("todo-5.3", "--problem", "5.3", "--test", "grader.samples.todos.*",
                "--in-process");
        assertThat(todo.results().tests).extracting(t -> t.number).containsExactly("5.2.1", "5.3.1");
    }

    @Test
    void aTodoOfAnotherProblemThanItsClassIsRefusedByName() {
        GradingRun.Settings options = options("--test", "grader.samples.conflict.*", "--in-process");
        assertThatThrownBy(() -> run(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConflictingSample").hasMessageContaining("@Todo(\"2.1\") belongs to Problem 2")
                .hasMessageContaining("@Problem(3)");
    }

    @Test
    void aProblemWithNoTestsIsAnErrorNamingTheFolderAndTheFilter() {
        GradingRun.Settings options = options("--problem", "99", "--test", Grading.SCORING);
        assertThatThrownBy(() -> run(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no graded tests found in")
                .hasMessageContaining(Grading.testClasses().toString())
                .hasMessageContaining("for problem 99")
                .hasMessageContaining("matching " + Grading.SCORING);
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aTestFilterThatMatchesNothingIsAnError() {
        GradingRun.Settings options = options("--test", "grader.samples.scoring.NoSuchSample");
        assertThatThrownBy(() -> run(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Grading.testClasses().toString())
                .hasMessageContaining("matching grader.samples.scoring.NoSuchSample");
    }

    @Test
    void badArgumentsAreErrorsThatSayWhatIsWrong() {
        assertThatThrownBy(() -> GradeCommand.parse("--out", out.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tests DIR is required");
        Path missing = out.resolve("no-such-folder");
        assertThatThrownBy(() -> GradeCommand.parse("--tests", missing.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> options("--problem", "two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--problem takes a problem such as 4 or a TODO such as 4.1, not 'two'");
        assertThatThrownBy(() -> options("--problem", "1.x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not '1.x'");
        // A TODO selects the test classes labelled with it, within its problem.
        assertThat(options("--problem", "1.5").selection().todo()).isEqualTo("1.5");
        assertThat(options("--problem", "1.5").selection().problem()).isEqualTo(1);
        assertThatThrownBy(() -> options("--time-limit", "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--time-limit must be positive");
        assertThatThrownBy(() -> options("--frobnicate", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown options: '--frobnicate'");
        assertThatThrownBy(() -> options("--problem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing required parameter for option '--problem'");
    }

    @Test
    void anEmptyValueMeansNoFilter() {
        GradingRun.Settings options = options("--problem=", "--test=", "--label=");
        assertThat(options.selection()).isEqualTo(Selection.ALL);
        assertThat(options.label()).isNull();
    }

    @Test
    void theCommandLineExitsWithStatusTwoWhenNothingMatches() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), grader.Grader.class.getName(),
                "grade", "--tests", Grading.testClasses().toString(), "--out", out.toString(),
                "--test", "grader.samples.scoring.NoSuchSample")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(stderr).contains("grade: no graded tests found in").contains("NoSuchSample");
        assertThat(Files.exists(out.resolve("results.json"))).isFalse();
    }
}

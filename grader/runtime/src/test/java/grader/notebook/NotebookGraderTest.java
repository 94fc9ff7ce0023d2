package grader.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import grader.report.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grading paths that need no kernel: notebooks that do not open or were not sent, and reading outputs. */
class NotebookGraderTest {
    @TempDir
    Path tmp;

    @Test
    void aBrokenOrMissingNotebookCostsOnlyItsOwnQuestionsWithAMessage() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("source"));
        Path students = Files.createDirectories(tmp.resolve("students"));
        NotebookFixtures.write(NotebookFixtures.source(), sources.resolve("a.ipynb"));
        NotebookFixtures.write(NotebookFixtures.source(), sources.resolve("b.ipynb"));
        Files.writeString(students.resolve("a.ipynb"), "{\"cells\": [ {\"cell_type\": ");   // malformed
        // b.ipynb was not submitted
        List<TestResult> results = NotebookGrader.grade(new NotebookGrader.Request(students, sources,
                NotebookFixtures.KEY, List.of(), new NotebookRunner.Settings(
                grader.course.Course.defaults(), 5, false), tmp.resolve("work"),
                q -> true, false));
        assertThat(results).extracting(t -> t.number).containsExactly("7.1", "7.2", "7.1", "7.2");
        assertThat(results).allSatisfy(t -> {
            assertThat(t.score).isZero();
            assertThat(t.tags).contains("notebook");
            assertThat(t.extraData.get("problem")).isEqualTo(7);
        });
        assertThat(results.get(0).maxScore).isEqualTo(2);      // the points still count towards the maximum
        assertThat(results.get(0).output).contains("a.ipynb is not a readable notebook");
        assertThat(results.get(2).output).contains("b.ipynb was not submitted");
        assertThat(results.get(1).maxScore).isZero();           // a free answer: no points invented
    }

    @Test
    void freeAnswersReachTheTaFileAndEarnNothing() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("source"));
        NotebookFixtures.write(NotebookFixtures.source(), sources.resolve("a.ipynb"));
        List<Question> questions = NotebookGrader.questions(new NotebookGrader.Request(sources, sources,
                NotebookFixtures.KEY, List.of(), null, tmp.resolve("work"), q -> true, false));
        assertThat(questions).extracting(Question::id, Question::points, Question::manual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7.1", 2.0, false),
                        org.assertj.core.groups.Tuple.tuple("7.2", 0.0, true));
        TestResult notRun = NotebookGrader.notRun(questions.get(1));
        assertThat(notRun.maxScore).isZero();
        assertThat(notRun.tags).contains("manually graded");
    }

    @Test
    void anErrorOutputIsReadWithoutColourCodes() {
        JsonObject cell = NotebookFixtures.executed("answer()", null, "");
        cell.getAsJsonArray("outputs").remove(0);
        JsonObject error = new JsonObject();
        error.addProperty("output_type", "error");
        error.addProperty("ename", "\u001B[31mUnsupportedOperationException\u001B[0m");
        error.addProperty("evalue", "not implemented yet: Question 7.1");
        cell.getAsJsonArray("outputs").add(error);
        assertThat(NotebookGrader.error(cell)).isEqualTo(
                "UnsupportedOperationException: not implemented yet: Question 7.1");
        assertThat(NotebookGrader.error(NotebookFixtures.executed("1", null, "x"))).isNull();
    }
}

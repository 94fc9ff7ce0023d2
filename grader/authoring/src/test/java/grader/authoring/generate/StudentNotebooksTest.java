package grader.authoring.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import grader.notebook.Notebook;
import grader.notebook.NotebookFixtures;
import grader.notebook.Question;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentNotebooksTest {
    @TempDir
    Path tmp;

    @Test
    void theStudentCopyHasTodosAndNoAnswerCheckOrOutput() {
        Notebook student = StudentNotebooks.studentCopy(NotebookFixtures.source());
        String json = student.toJson();
        assertThat(json).doesNotContain("BEGIN SOLUTION").doesNotContain("\"A\", \"C\"")
                .doesNotContain("Because the model").doesNotContain("hidden").doesNotContain("wrong")
                .contains("not implemented yet: Question 7.1").contains(Question.FREE_PLACEHOLDER)
                .contains(StudentNotebooks.STUDENT_SETUP);
        List<JsonObject> cells = student.cells();
        assertThat(cells).hasSize(4); // the hidden check is gone
        for (JsonObject cell : cells) {
            if (Notebook.isCode(cell)) {
                assertThat(cell.getAsJsonArray("outputs")).isEmpty();
                assertThat(cell.get("execution_count").isJsonNull()).isTrue();
            }
        }
        // The answer method still compiles: the region became one statement that throws.
        assertThat(Notebook.source(cells.get(1))).isEqualTo("""
                Set<String> answer() {
                    throw new UnsupportedOperationException("not implemented yet: Question 7.1"); // TODO Question 7.1
                }""");
    }

    @Test
    void anUnmatchedMarkerIsAnError() {
        assertThatThrownBy(() -> StudentNotebooks.stripCode("// BEGIN SOLUTION\nreturn 1;\n", "Question 1.1"))
                .hasMessageContaining("unmatched").hasMessageContaining("Question 1.1");
    }

    @Test
    void driftIsFoundAndNamed() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("source"));
        Path students = Files.createDirectories(tmp.resolve("students"));
        NotebookFixtures.write(NotebookFixtures.source(), sources.resolve("a.ipynb"));
        Map<String, String> generated = StudentNotebooks.generate(sources, NotebookFixtures.KEY);
        assertThat(StudentNotebooks.compare(generated, students)).containsExactly("a.ipynb: missing");
        StudentNotebooks.write(generated, students);
        assertThat(StudentNotebooks.compare(generated, students)).isEmpty();
        Files.writeString(students.resolve("a.ipynb"), Files.readString(students.resolve("a.ipynb")).replace(
                "Why?", "Why not?"));
        Files.writeString(students.resolve("b.ipynb"), "{}");
        assertThat(StudentNotebooks.compare(generated, students)).containsExactly(
                "a.ipynb: differs from line " + lineOf(students.resolve("a.ipynb"), "Why not?"),
                "b.ipynb: not generated from any source notebook");
    }

    private static int lineOf(Path file, String text) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void aMalformedNotebookSaysSo() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.ipynb"), "{\"cells\": [");
        assertThatThrownBy(() -> Notebook.read(bad, NotebookFixtures.KEY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.ipynb is not a readable notebook");
    }
}

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
                .contains("not answered yet: Question 7.1 — fill in answer()").contains(Question.FREE_PLACEHOLDER)
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
                    throw new UnsupportedOperationException("not answered yet: Question 7.1 — fill in answer()"); // TODO Question 7.1
                }""");
    }

    @Test
    void theStudentCopyIsValidNbformatWrittenAsJupyterWritesIt() {
        Notebook student = StudentNotebooks.studentCopy(NotebookFixtures.source());
        assertThat(student.formatProblems()).isEmpty();
        String json = student.toJson();
        // nbformat's json.dumps(sort_keys=True, indent=1, ensure_ascii=False) and a final newline
        assertThat(json).startsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,")
                .endsWith("\n}\n");
        assertThat(Notebook.parse(json, "again", NotebookFixtures.KEY).toJson()).isEqualTo(json);
    }

    @Test
    void aCodeCellWithoutExecutionCountIsNotValid() {
        Notebook nb = NotebookFixtures.source();
        nb.cells().get(1).remove("execution_count");
        nb.cells().get(2).addProperty("id", nb.cells().get(1).get("id").getAsString());
        assertThat(nb.formatProblems()).containsExactly(
                "cell 2 (code) has no \"execution_count\" (null when it has not run)",
                "cell 3 (code) has the id \"answer\" of an earlier cell");
    }

    @Test
    void theRegionsMethodIsNamed() {
        assertThat(StudentNotebooks.enclosingMethod("// Q\nTinyRnn.Gradients bptt(TinyRnn r) {\n")).isEqualTo("bptt");
        assertThat(StudentNotebooks.enclosingMethod("Set<String> answer11_1() {\n")).isEqualTo("answer11_1");
        assertThat(StudentNotebooks.enclosingMethod("double x = 1;\n")).isNull();
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

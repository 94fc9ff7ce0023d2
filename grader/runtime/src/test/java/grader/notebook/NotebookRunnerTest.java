package grader.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.course.Course;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JShell runner: each notebook in a child JVM of its own, a cell's failure or limit costing that notebook. */
class NotebookRunnerTest {
    @TempDir
    Path tmp;

    private Path notebook(String name, String... cells) {
        Notebook nb = Notebook.parse("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}",
                name, NotebookFixtures.KEY);
        JsonArray array = new JsonArray();
        for (int i = 0; i < cells.length; i++) {
            JsonObject meta = cells[i].contains("while") ? NotebookFixtures.meta("timeout", 3) : null;
            array.add(nb.codeCell("c" + i, cells[i], meta));
        }
        nb.setCells(array);
        Path file = tmp.resolve(name);
        nb.write(file);
        return file;
    }

    @Test
    void eachNotebookRunsOnItsOwnAndAFailureCostsOnlyItsOwn() throws Exception {
        Path fine = notebook("fine.ipynb", "System.out.println(\"hello \" + System.getenv(\"GRADER_CHECK_TOKEN\"));",
                "int twice(int x) {\n    return 2 * x;\n}\ntwice(21)", "throw new IllegalStateException(\"no\");",
                "System.out.println(\"after\");");
        Path exits = notebook("exits.ipynb", "int x = 1;", "System.exit(3);", "x");
        Path loops = notebook("loops.ipynb", "while (true) { Thread.onSpinWait(); }", "1");
        Map<String, NotebookRunner.Run> runs = NotebookRunner.run(List.of(fine, exits, loops),
                new NotebookRunner.Settings(new Course("homework", Map.of(), false,
                        NotebookFixtures.KEY, List.of(), List.of(), Map.of(), null, List.of()), 60, false), tmp.resolve("work"),
                Map.of("GRADER_CHECK_TOKEN", "secret"));

        NotebookRunner.Run ok = runs.get("fine.ipynb");
        assertThat(ok.status()).isEqualTo("ok");
        Notebook executed = Notebook.read(ok.executed(), NotebookFixtures.KEY);
        assertThat(executed.formatProblems()).isEmpty();
        List<JsonObject> cells = executed.cells();
        assertThat(cells.get(0).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("hello secret\n");
        assertThat(cells.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data")
                .get("text/plain").getAsString()).isEqualTo("42");
        assertThat(NotebookScorer.error(cells.get(2))).isEqualTo("IllegalStateException: no");
        assertThat(cells.get(3).get("execution_count").getAsInt()).isEqualTo(4); // the run goes on after an error

        NotebookRunner.Run exit = runs.get("exits.ipynb");
        assertThat(exit.status()).isEqualTo("dead");
        assertThat(exit.cell()).isEqualTo(1);
        assertThat(exit.message()).contains("System.exit with status 3");

        NotebookRunner.Run loop = runs.get("loops.ipynb");
        assertThat(loop.status()).isEqualTo("timeout");
        assertThat(loop.cell()).isZero();
        assertThat(loop.message()).isEqualTo("timed out after 3 s of CPU time");
        assertThat(Files.readString(tmp.resolve("work/notebooks.log"))).contains("cells: fine.ipynb ok");
        assertThat(Files.readString(tmp.resolve("work/notebooks.log"))).containsPattern("all: \\d+ notebooks? in ");
    }
}

package grader.tools;

import grader.notebook.NotebookLeaks;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the student copy of the homework: skeleton, public tests, grader, notebooks, the build and a student
 * README — no reference solution and no hidden tests. {@link #check} proves it: nothing of the solution or the
 * hidden suite is in the copy, and the copy builds from scratch and grades (every test present, none passing).
 */
public final class Release {
    private Release() {
    }

    public static void write(Layout layout, Path dest) {
        StudentCopy.copy(layout, dest, false);
        try {
            Files.writeString(dest.resolve("README.md"), studentReadme(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the problems found; empty when the release is sound. */
    public static List<String> check(Layout layout, Path dest) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>(leaks(layout, dest));
        Path log = dest.resolveSibling(dest.getFileName() + "-check.log");
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "test", "-Pgrade").directory(dest.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (mvn.waitFor() != 0) {
            problems.add("the release does not build and grade: see " + log);
            return problems;
        }
        Path resultsFile = dest.resolve("tests/target/grade/results.json");
        if (!Files.exists(resultsFile)) {
            problems.add("grading the release wrote no " + resultsFile);
            return problems;
        }
        Results r = ResultsJson.read(resultsFile);
        if (r.tests.isEmpty()) {
            problems.add("the release's grading found no tests");
        }
        if (r.score != 0) {
            problems.add("the release's skeleton scores " + r.score + ": it should score nothing");
        }
        return problems;
    }

    /** Solution code, hidden tests or reference-only files that made it into the copy (see {@link LeakCheck}). */
    static List<String> leaks(Layout layout, Path dest) throws IOException {
        List<String> found = new ArrayList<>(new LeakCheck(layout).leaks(dest));
        found.addAll(NotebookLeaks.find(layout.root().resolve("notebooks/source"), dest));
        return found;
    }

    private static String studentReadme() {
        return """
                # Your GPT homework

                You build GPT from scratch in Java on ND4J arrays: tensors and automatic differentiation first, then
                the layers of a transformer, training and sampling. You need Java 17+ and Maven 3.8+.

                Your code goes in `skeleton/src/main/java`. Each place to fill in is a TODO that names its problem:
                `grep -rn "Problem 1.3" skeleton/` takes you there, with a docstring above that says what to do.
                Until you write it, it throws `not implemented yet: Problem 1.3 (...)`.

                ```bash
                mvn test -Pgrade                        # grade everything: points per problem
                mvn test -Pgrade -Dgrade.problem=1      # one problem
                mvn test -Pgrade -Dgrade.test=PowTest   # one test class (or Class#method)
                ```

                The full report is `tests/target/grade/results.json`. A failed property names its jqwik seed and
                the shrunk sample (the smallest input that still fails); a gradient check names the input, the
                element and both values; every failure ends with the command that re-runs just that test. The
                seeds are fixed, so a re-run repeats exactly.

                Do not change the public classes and methods the tests call: a file that does not compile, or
                that changes them, is graded with the skeleton's version, which scores nothing for its problems.

                The notebooks in `notebooks/` walk through every problem and ask the handouts' conceptual
                questions. Install the kit's Java kernel once (it needs `apt-get install jupyter-notebook`), then
                open them; `mvn test -Pgrade` grades their questions with the rest:

                ```bash
                mvn -q -B -DskipTests -Pkernel process-test-classes
                jupyter notebook notebooks/
                ```

                Once your model and optimizer work, train your own GPT on the corpus that comes with the build and
                sample from it (`--help` lists the options):

                ```bash
                mvn -q -pl skeleton compile exec:exec -Dgpt="train"
                mvn -q -pl skeleton compile exec:exec -Dgpt="sample --compare"
                ```
                """;
    }
}

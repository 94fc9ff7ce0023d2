package grader.samples.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.api.Points;
import grader.api.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A submission that reaches for what a student must not see, in Gradescope's layout under the folder named by
 * {@code -Dhostile.autograder}. Each test passes only if its attempt succeeds, so a grader that holds gives it
 * nothing; what the attempt saw is in its message. Graded by ChildSandboxTest only (Surefire skips the samples).
 */
@Problem(value = 10, title = "A hostile submission")
class HostileSubmission {
    private static Path autograder() {
        return Paths.get(System.getProperty("hostile.autograder", "/autograder"));
    }

    @Test
    @Points(1)
    void runsItsOwnCode() {
        assertEquals(4, 2 + 2);
    }

    @Test
    @Points(1)
    void readsTheNotebookSources() throws IOException {
        try (Stream<Path> notebooks = Files.list(autograder().resolve("source/notebooks/source"))) {
            for (Path nb : notebooks.toList()) {
                assertTrue(Files.readString(nb).contains("Check."), "no key in " + nb);
            }
        }
    }

    @Test
    @Points(1)
    void readsAHiddenTestSource() throws IOException {
        String hidden = Files.readString(autograder().resolve("source/tests/hidden/HiddenKeyTest.java"));
        assertTrue(hidden.contains("key"), hidden);
    }

    @Test
    @Points(1)
    void listsTheAutograderFolder() throws IOException {
        try (Stream<Path> top = Files.list(autograder())) {
            assertTrue(top.anyMatch(p -> p.endsWith("source")), "no source folder listed");
        }
    }

    @Test
    @Points(1)
    void writesIntoTheResults() throws IOException {
        Path results = autograder().resolve("results");
        Files.writeString(results.resolve("results.json"), "{\"score\": 1000, \"note\": \"FORGED-7319\", \"tests\": []}");
        Files.writeString(results.resolve("forged.txt"), "written by the submission");
    }
}

package grader.authoring.release;

import static org.assertj.core.api.Assertions.assertThat;

import grader.authoring.generate.StudentNotebooks;
import grader.notebook.NotebookFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookLeaksTest {
    @TempDir
    Path tmp;

    @Test
    void theStudentCopyIsCleanAndTheSourceIsNot() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("hw/notebooks/source"));
        NotebookFixtures.write(NotebookFixtures.source(), sources.resolve("a.ipynb"));
        Path release = Files.createDirectories(tmp.resolve("release/notebooks"));
        StudentNotebooks.studentCopy(NotebookFixtures.source()).write(release.resolve("a.ipynb"));
        assertThat(NotebookLeaks.find(sources, NotebookFixtures.KEY, tmp.resolve("release"))).isEmpty();

        NotebookFixtures.write(NotebookFixtures.source(), release.resolve("b.ipynb"));
        assertThat(NotebookLeaks.find(sources, NotebookFixtures.KEY, tmp.resolve("release"))).anyMatch(s -> s.contains("solution marker"))
                .anyMatch(s -> s.contains("hidden check of Question 7.1"))
                .anyMatch(s -> s.contains("planted mistake"));
    }
}

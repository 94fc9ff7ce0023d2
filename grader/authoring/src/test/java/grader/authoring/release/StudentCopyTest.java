package grader.authoring.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.course.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student copy written where an earlier one stands replaces it whole; a folder of something else is refused. */
class StudentCopyTest {
    private static final Layout KIT = new Layout(Paths.get("../..").toAbsolutePath().normalize());

    @Test
    void aFileLeftFromAnEarlierCopyIsNotReleased(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("release");
        StudentCopy.copy(KIT, copy, false);
        Path stale = copy.resolve("tests/src/test/java/hw/AnswerKey.java");
        Files.writeString(stale, "class AnswerKey {}\n");

        StudentCopy.copy(KIT, copy, false);

        assertThat(stale).as("a file the kit does not hold, left in the folder of an earlier copy").doesNotExist();
        assertThat(copy.resolve("skeleton/pom.xml")).exists();
    }

    @Test
    void aFolderThatHoldsSomethingElseIsRefusedAndKept(@TempDir Path dir) throws IOException {
        Path mine = Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}\n");

        assertThatThrownBy(() -> StudentCopy.copy(KIT, dir, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not empty and holds no earlier copy of the kit");
        assertThat(mine).exists();
    }
}

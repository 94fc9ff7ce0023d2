package grader.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The children's sandbox: without the unprivileged user nothing changes; with it (root, and the user exists),
 * what the user cannot reach is handed over as a link or a readable copy, and the sandbox goes away on close.
 */
class ChildSandboxTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheUserNothingChanges() throws IOException {
        System.setProperty("grader.child.user", "no-such-user-here");
        try (ChildSandbox sandbox = ChildSandbox.open(dir)) {
            Path classes = Files.createDirectories(dir.resolve("classes"));
            assertThat(sandbox.active()).isFalse();
            assertThat(sandbox.visible(classes)).isEqualTo(classes.toAbsolutePath());
            assertThat(sandbox.command(List.of("java", "-version"))).containsExactly("java", "-version");
            assertThat(sandbox.directory(dir)).isEqualTo(dir);
            assertThat(sandbox.shared("x.select")).isEqualTo(dir.resolve("x.select"));
            assertThat(sandbox.describe()).contains("no-such-user-here");
        } finally {
            System.clearProperty("grader.child.user");
        }
    }

    @Test
    void whatTheUserCannotReachIsHandedOver() throws IOException {
        Path base;
        try (ChildSandbox sandbox = ChildSandbox.open(dir)) {
            assumeTrue(sandbox.active(), sandbox.describe());
            Path closed = Files.createDirectories(dir.resolve("closed"));
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
            Path classes = Files.createDirectories(closed.resolve("classes/hw"));
            Files.writeString(classes.resolve("A.class"), "bytes");
            Path jar = Files.writeString(closed.resolve("lib.jar"), "jar");
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));

            Path classesCopy = sandbox.visible(closed.resolve("classes"));
            assertThat(classesCopy.startsWith(closed)).as("a copy outside the closed folder").isFalse();
            assertThat(Files.readString(classesCopy.resolve("hw/A.class"))).isEqualTo("bytes");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(classesCopy.resolve("hw/A.class"))))
                    .isEqualTo("rw-r--r--");
            assertThat(sandbox.visible(closed.resolve("classes"))).as("handed over once").isEqualTo(classesCopy);
            Path jarLink = sandbox.visible(jar);
            assertThat(Files.isSameFile(jarLink, jar)).as("a world-readable jar is linked, not copied").isTrue();

            Path open = Files.createDirectories(Path.of(System.getProperty("java.home")));
            assertThat(sandbox.visible(open)).as("what the user reaches is used in place").isEqualTo(open);
            assertThat(sandbox.command(List.of("java", "-version")).get(0)).endsWith("setpriv");
            assertThat(sandbox.directory(dir)).isNotEqualTo(dir);
            base = sandbox.directory(dir).getParent();
        }
        assertThat(base).doesNotExist();
    }
}

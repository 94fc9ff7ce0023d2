package grader.authoring.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.course.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gradescope zip: its two scripts keep their execute bits through {@code unzip} and run as files. */
class GradescopeBundleTest {
    @TempDir
    Path dir;

    @Test
    void theScriptsRunAsFilesAfterUnzip() throws IOException, InterruptedException {
        Path zip = dir.resolve("autograder.zip");
        GradescopeBundle.write(new Layout(Path.of("").toAbsolutePath().resolve("../..")), zip);
        GradescopeBundle.modes(zip).forEach((script, mode) -> assertThat(mode).as(script).contains(
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));

        assumeTrue(onPath("unzip"), "unzip is not installed");
        Path unpacked = dir.resolve("source");
        assertThat(run(List.of("unzip", "-q", zip.toString(), "-d", unpacked.toString()), dir)).isZero();
        for (String script : GradescopeBundle.SCRIPTS) {
            assertThat(unpacked.resolve(script)).isExecutable();
        }
        // Run as a file in an empty autograder root: it gets past the kernel's exec (126 is "Permission denied").
        Path root = Files.createDirectories(dir.resolve("empty-autograder"));
        int status = run(List.of(unpacked.resolve("run_autograder").toString()), root);
        assertThat(status).isNotIn(126, 127);
        assertThat(Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8)).doesNotContain("Permission denied");
    }

    private int run(List<String> cmd, Path root) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}

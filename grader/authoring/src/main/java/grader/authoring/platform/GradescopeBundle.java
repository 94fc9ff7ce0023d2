package grader.authoring.platform;

import grader.authoring.release.StudentCopy;
import grader.compile.Submission;
import grader.course.Layout;
import grader.io.ChildSandbox;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds a Gradescope autograder zip: {@code setup.sh} (installs a JDK and Maven, builds the kit; the notebooks are
 * graded with the JDK's JShell, so nothing else),
 * {@code run_autograder} (grades /autograder/submission into /autograder/results/results.json), and the kit
 * itself with the hidden suite but without the reference solution. Both scripts take the autograder root from
 * {@code AUTOGRADER_ROOT} (default /autograder), which is how {@link #check} runs them in a temporary tree.
 */
public final class GradescopeBundle {
    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once when it builds the autograder image.
            set -euo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            if ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
              export DEBIAN_FRONTEND=noninteractive
              apt-get update -qq
              apt-get install -y -qq openjdk-17-jdk-headless maven
            fi
            cd "$root/source"
            mvn -B -q -DskipTests process-test-classes
            # The submission's code (test JVMs, notebook cells) runs as this user, who cannot read the source tree.
            if [ "$(id -u)" = 0 ] && ! id -u %s >/dev/null 2>&1; then
              useradd --system --create-home --shell /usr/sbin/nologin %s
            fi
            """.formatted(ChildSandbox.USER, ChildSandbox.USER);
    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission; it must always leave results/results.json.
            set -uo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            mkdir -p "$root/results"
            if [ "$(id -u)" = 0 ]; then
              # Only root lists the autograder's folder or reads the sources, the submission and the results: the
              # grader hands the test JVMs, run as %s, copies of what they need.
              chmod 711 "$root"
              chmod 700 "$root/source" "$root/results" "$root/submission" 2>/dev/null || true
            fi
            cd "$root/source"
            java -cp "$(cat tests/target/grade-classpath.txt)" grader.Grader grade --root "$root/source" \\
              --sources "$root/submission" --out "$root/results" --hidden "$root/source/tests/hidden"
            """.formatted(ChildSandbox.USER);

    private GradescopeBundle() {
    }

    /** The scripts Gradescope runs as files, so their entries carry Unix execute bits. */
    static final List<String> SCRIPTS = List.of("setup.sh", "run_autograder");

    public static void write(Layout layout, Path zip) {
        Path staging = zip.resolveSibling(zip.getFileName() + ".staging");
        try {
            FileOps.deleteTree(staging);
            StudentCopy.copy(layout, staging, true);
            Files.writeString(staging.resolve("setup.sh"), SETUP, StandardCharsets.UTF_8);
            Files.writeString(staging.resolve("run_autograder"), RUN, StandardCharsets.UTF_8);
            Files.createDirectories(zip.toAbsolutePath().getParent());
            Files.deleteIfExists(zip);
            // The JDK's zip file system writes each entry's Unix mode in its external attributes, which unzip keeps.
            URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
            try (FileSystem z = FileSystems.newFileSystem(uri, Map.of("create", "true",
                    "enablePosixFileAttributes", "true")); Stream<Path> files = Files.walk(staging)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = staging.relativize(f).toString().replace('\\', '/');
                    Path entry = z.getPath(name);
                    if (entry.getParent() != null) {
                        Files.createDirectories(entry.getParent());
                    }
                    Files.copy(f, entry);
                    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(
                            SCRIPTS.contains(name) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            FileOps.deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks the zip into a simulated /autograder tree under {@code work}, runs setup.sh and then run_autograder
     * on a submission made of the {@code submission} folders (e.g. the code and the notebooks), and returns the
     * results it wrote.
     */
    public static Results check(Path zip, List<Path> submission, Path work) throws IOException, InterruptedException {
        FileOps.deleteTree(work);
        Path source = Submission.unzip(zip, work.resolve("source"));
        for (Path part : submission) {
            StudentCopy.copyTree(part, work.resolve("submission"));
        }
        // As Gradescope does: the scripts keep the modes their entries carry, and run as files.
        for (Map.Entry<String, Set<PosixFilePermission>> script : modes(zip).entrySet()) {
            Files.setPosixFilePermissions(source.resolve(script.getKey()), script.getValue());
        }
        Files.copy(source.resolve("run_autograder"), work.resolve("run_autograder"), StandardCopyOption.COPY_ATTRIBUTES);
        run(List.of(source.resolve("setup.sh").toString()), work, "setup.log");
        run(List.of(work.resolve("run_autograder").toString()), work, "run_autograder.log");
        return ResultsJson.read(work.resolve("results/results.json"));
    }

    /** The Unix modes the zip's entries of the scripts carry. */
    static Map<String, Set<PosixFilePermission>> modes(Path zip) throws IOException {
        Map<String, Set<PosixFilePermission>> out = new java.util.LinkedHashMap<>();
        try (FileSystem z = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : SCRIPTS) {
                out.put(script, Files.getPosixFilePermissions(z.getPath(script)));
            }
        }
        return out;
    }

    private static void run(List<String> cmd, Path work, String log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile());
        Map<String, String> env = pb.environment();
        env.put("AUTOGRADER_ROOT", work.toAbsolutePath().toString());
        int status = pb.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + status + "); see "
                    + work.resolve(log));
        }
    }
}

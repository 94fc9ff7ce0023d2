package grader.authoring.platform;

import grader.authoring.release.StudentCopy;
import grader.compile.Submission;
import grader.course.Layout;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
            """;
    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission; it must always leave results/results.json.
            set -uo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            mkdir -p "$root/results"
            cd "$root/source"
            java -cp "$(cat tests/target/grade-classpath.txt)" grader.Grader grade --root "$root/source" \\
              --sources "$root/submission" --out "$root/results" --hidden "$root/source/tests/hidden"
            """;

    private GradescopeBundle() {
    }

    public static void write(Layout layout, Path zip) {
        Path staging = zip.resolveSibling(zip.getFileName() + ".staging");
        try {
            FileOps.deleteTree(staging);
            StudentCopy.copy(layout, staging, true);
            Files.writeString(staging.resolve("setup.sh"), SETUP, StandardCharsets.UTF_8);
            Files.writeString(staging.resolve("run_autograder"), RUN, StandardCharsets.UTF_8);
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                    Stream<Path> files = Files.walk(staging)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    z.putNextEntry(new ZipEntry(staging.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, z);
                    z.closeEntry();
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
        Files.copy(source.resolve("run_autograder"), work.resolve("run_autograder"));
        for (Path script : List.of(source.resolve("setup.sh"), work.resolve("run_autograder"))) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        run(List.of("bash", source.resolve("setup.sh").toString()), work, "setup.log");
        run(List.of("bash", work.resolve("run_autograder").toString()), work, "run_autograder.log");
        return ResultsJson.read(work.resolve("results/results.json"));
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

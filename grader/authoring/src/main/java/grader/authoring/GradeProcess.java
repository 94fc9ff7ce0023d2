package grader.authoring;

import grader.course.Layout;
import grader.report.Results;
import grader.report.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the grader's {@code grade} command in a JVM of its own, on the homework's test class path (the authoring
 * tools do not carry the test engines or the homework's libraries), and reads the results.json it wrote. Every verb
 * that grades — grade, batch, self-check, mistakes, classroom — grades through this.
 */
public final class GradeProcess {
    private GradeProcess() {
    }

    /**
     * @param layout  the homework
     * @param args    the grade command's options; {@code --out DIR} must be among them
     * @param log     where the grading's console output goes, or null to show it on this console
     * @param timeout how long the grading may take, in minutes
     * @return the results
     * @throws IllegalStateException when the grading did not complete, with the log's tail
     */
    public static Results run(Layout layout, List<String> args, Path log, long timeout)
            throws IOException, InterruptedException {
        Path out = Path.of(args.get(args.indexOf("--out") + 1));
        ProcessBuilder pb = new ProcessBuilder(command(layout, args));
        if (log == null) {
            pb.inheritIO();
        } else {
            Files.createDirectories(log.toAbsolutePath().getParent());
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        pb.environment().putAll(layout.course().testEnvironment());
        Process p = pb.start();
        if (!p.waitFor(timeout, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("grading took longer than " + timeout + " minutes" + tail(log));
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(out.resolve("results.json"))) {
            throw new IllegalStateException("grading failed (exit " + p.exitValue() + ")" + tail(log));
        }
        return ResultsJson.read(out.resolve("results.json"));
    }

    /** The command line: this JDK's java, the homework's grade class path, the grader's {@code grade}. */
    static List<String> command(Layout layout, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", layout.dependencyClasspath(), "grader.Grader", "grade", "--root", layout.root().toString()));
        cmd.addAll(args);
        return cmd;
    }

    private static String tail(Path log) {
        if (log == null) {
            return "";
        }
        try {
            String s = Files.readString(log);
            return "; see " + log + ":\n" + (s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s);
        } catch (IOException | UncheckedIOException e) {
            return "; see " + log;
        }
    }
}

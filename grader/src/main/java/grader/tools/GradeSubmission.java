package grader.tools;

import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.run.CompileReport;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Grades one submission — a folder or a zip of the student's .java files, in any folder structure — into
 * {@code OUT/results.json}. Files are matched to the skeleton's by package and name; a missing file is the
 * skeleton's; a broken one costs only its tests (see {@link SubmissionCompiler}). Whatever goes wrong, a valid
 * results.json is left behind.
 */
public final class GradeSubmission {
    private GradeSubmission() {
    }

    public static Results grade(Layout layout, Path submission, Path out, List<String> gradeArgs) {
        Path work = out.resolve("work-submission");
        try {
            FileOps.deleteTree(work);
            Files.createDirectories(work);
            Path sources = Files.isDirectory(submission) ? submission : unzip(submission, work.resolve("src"));
            String deps = layout.dependencyClasspath();
            Map<String, Path> skeleton = SubmissionCompiler.javaFilesByPackage(layout.skeletonSources());
            Map<String, Path> submitted = new TreeMap<>();
            List<String> ignored = new ArrayList<>();
            SubmissionCompiler.javaFilesByPackage(sources).forEach((rel, p) -> {
                if (inSkeletonPackage(rel, skeleton)) {
                    submitted.put(rel, p);
                } else {
                    ignored.add(rel);
                }
            });
            SubmissionCompiler.Result compiled = SubmissionCompiler.compile(submitted, skeleton, deps,
                    work.resolve("classes"));
            CompileReport report = new CompileReport();
            report.replaced.putAll(compiled.replacedClasses());
            report.replacedTodos.putAll(compiled.replacedTodos());
            report.log = compiled.log() + (ignored.isEmpty() ? ""
                    : "ignored (not in the homework's packages): " + String.join(", ", ignored) + "\n");
            if (submitted.isEmpty()) {
                report.log = "no .java file of the homework's packages was found in " + submission.getFileName()
                        + "\n" + report.log;
            }
            Path classes = compiled.classes();
            if (!compiled.compiled()) {
                report.compiled = false;
                classes = SubmissionCompiler.compile(Map.of(), skeleton, deps, work.resolve("skeleton-classes"))
                        .classes();
            }
            Path reportFile = work.resolve("compile-report.json");
            report.write(reportFile);

            List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", String.join(File.pathSeparator, deps, layout.testClasses().toString(),
                    classes.toString()), "grader.run.GradeMain", "--tests", layout.testClasses().toString(),
                    "--submission", classes.toString(), "--out", out.toString(), "--compile-report",
                    reportFile.toString()));
            if (!gradeArgs.contains("--rerun")) {
                // What a student types in the release to re-run one failed test.
                cmd.add("--rerun=mvn test -Pgrade -Dgrade.test=%s");
            }
            if (leaderboard(layout) && !gradeArgs.contains("--leaderboard")) {
                cmd.add("--leaderboard");
            }
            cmd.addAll(NotebookSubmission.gradeArgs(layout, sources, work.resolve("notebooks")));
            cmd.addAll(gradeArgs);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("grading.log").toFile()).start();
            if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("the grading process failed (exit " + (p.isAlive() ? "timeout"
                        : p.exitValue()) + "); see " + work.resolve("grading.log") + ":\n"
                        + tail(work.resolve("grading.log")));
            }
            return ResultsJson.read(out.resolve("results.json"));
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failed(out, "could not grade this submission: " + e.getMessage());
        }
    }

    /** Whether the course asks for the leaderboard; a broken course.json turns it off (it never costs a grade). */
    private static boolean leaderboard(Layout layout) {
        try {
            return CourseConfig.of(layout).leaderboard();
        } catch (IllegalArgumentException e) {
            System.err.println("leaderboard off: " + e.getMessage());
            return false;
        }
    }

    /** Writes and returns a results.json that scores nothing and says why. */
    static Results failed(Path out, String why) {
        Results r = new Results();
        r.output = why;
        ResultsJson.write(out.resolve("results.json"), r);
        return r;
    }

    private static boolean inSkeletonPackage(String rel, Map<String, Path> skeleton) {
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        return skeleton.keySet().stream().anyMatch(k -> k.startsWith(dir) && k.indexOf('/', dir.length()) < 0);
    }

    /** Extracts a zip, refusing entries that would land outside {@code dest}. */
    static Path unzip(Path zip, Path dest) throws IOException {
        if (!zip.toString().endsWith(".zip")) {
            throw new IllegalArgumentException(zip + " is neither a folder nor a .zip");
        }
        Files.createDirectories(dest);
        int entries = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; entries++) {
                Path target = dest.resolve(e.getName()).normalize();
                if (!target.startsWith(dest)) {
                    throw new IllegalArgumentException(zip + " has an entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(zip.getFileName() + " is not a readable zip: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new IllegalArgumentException(zip.getFileName() + " is not a readable zip (or it is empty)");
        }
        return dest;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}

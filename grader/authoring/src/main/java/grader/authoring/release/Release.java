package grader.authoring.release;

import grader.authoring.generate.ReleasedSkeleton;
import grader.course.Course;
import grader.course.Layout;
import grader.report.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the student copy of the homework ({@link StudentCopy}) with the course's student guide as its README —
 * no reference solution, no hidden tests, no instructor's tools. {@link #check} proves it: nothing of the
 * solution or the hidden suite is in the copy, every file in it is one the course declares student-facing
 * ({@code course.json}'s {@code release.holds}), and the copy builds from scratch and grades as the autograder
 * does: planted work in progress earns its points and loses only the TODO that does not compile.
 */
public final class Release {
    private Release() {
    }

    public static void write(Layout layout, Path dest) {
        Course course = layout.course();
        if (course.releaseReadme() == null) {
            throw new IllegalArgumentException(Course.FILE + " names no student guide for the release's README"
                    + " (\"release\": {\"readme\": \"docs/student.md\"})");
        }
        Path readme = layout.root().resolve(course.releaseReadme());
        if (!Files.isRegularFile(readme)) {
            throw new IllegalArgumentException("the release's README " + readme + " (" + Course.FILE
                    + ": release.readme) is missing");
        }
        StudentCopy.copy(layout, dest, false);
        try {
            Files.copy(readme, dest.resolve("README.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the problems found; empty when the release is sound. It grades the release once, as a student
     * would ({@code mvn test -Pgrade}), with work in progress planted in it ({@link PlantedWork}), then puts the
     * skeleton back.
     */
    public static List<String> check(Layout layout, Path dest) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>(leaks(layout, dest));
        ReleasedSkeleton.compare(ReleasedSkeleton.read(dest.resolve("skeleton/src/main/java")),
                dest.resolve(Layout.RELEASED_SKELETON)).forEach(d -> problems.add(Layout.RELEASED_SKELETON
                        + " is not the release's skeleton: " + d));
        undeclared(dest, layout.course().releaseHolds())
                .forEach(f -> problems.add("not declared student-facing (course.json release.holds): " + f));
        Path log = dest.resolveSibling(dest.getFileName() + "-check.log");
        PlantedWork planted = PlantedWork.plant(layout, dest);
        int status;
        try {
            Process mvn = new ProcessBuilder("mvn", "-B", "test", "-Pgrade").directory(dest.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            status = mvn.waitFor();
        } finally {
            planted.restore();
        }
        if (status != 0) {
            problems.add("the release does not build and grade: see " + log);
            return problems;
        }
        Path resultsFile = dest.resolve("tests/target/grade/results.json");
        if (!Files.exists(resultsFile)) {
            problems.add("grading the release wrote no " + resultsFile);
            return problems;
        }
        PlantedWork.check(ResultsJson.read(resultsFile), Files.readString(log)).forEach(p -> problems.add(p
                + " (see " + log + ")"));
        return problems;
    }

    /**
     * The files of a release (its build output left out) that no glob of {@code holds} declares student-facing:
     * a new package, tool or script reaches students only once the course says it should.
     */
    public static List<String> undeclared(Path dest, List<String> holds) throws IOException {
        List<PathMatcher> matchers = holds.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        try (Stream<Path> files = Files.walk(dest)) {
            return files.filter(Files::isRegularFile).map(dest::relativize)
                    .filter(rel -> !rel.toString().contains("target/") && !rel.startsWith("target"))
                    .filter(rel -> matchers.stream().noneMatch(m -> m.matches(rel)))
                    .map(Path::toString).sorted().toList();
        }
    }

    /** Solution code, hidden tests or reference-only files that made it into the copy (see {@link LeakCheck}). */
    static List<String> leaks(Layout layout, Path dest) throws IOException {
        List<String> found = new ArrayList<>(new LeakCheck(layout).leaks(dest));
        found.addAll(NotebookLeaks.find(layout.notebookSources(), layout.course().notebookKey(), dest));
        return found;
    }
}

package grader.authoring.verify;

import grader.authoring.GradeProcess;
import grader.authoring.release.StudentCopy;
import grader.course.Layout;
import grader.io.Javac;
import grader.report.Results;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled implementation with a few of its source files replaced, graded in a JVM of its own: the catalogue of
 * mistakes edits one reference file, the TODO-by-TODO check puts reference regions into skeleton files. Only the
 * replaced files are recompiled, into a copy of the compiled classes, and the grading is quick: jqwik's shrinking
 * is off and the notebooks are left out.
 */
final class PatchedGrading {
    private PatchedGrading() {
    }

    /** What a grading gave: the results, or why there are none. */
    record Outcome(Results results, String error) {
        boolean failed() {
            return results == null;
        }
    }

    /**
     * @param base      the compiled implementation (reference or skeleton classes)
     * @param sources   the replaced files, by package path ("hw/optim/Adam.java"), and their text
     * @param dir       this grading's own scratch folder
     * @param gradeArgs the grade command's selection ({@code --problem 6.1}, {@code --test AdamTest}) and label
     */
    static Outcome grade(Layout layout, String deps, Path base, Map<String, String> sources, Path dir,
            List<String> gradeArgs) throws IOException, InterruptedException {
        Path classes = dir.resolve("classes");
        StudentCopy.copyTree(base, classes);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path src = dir.resolve("src").resolve(e.getKey());
            Files.createDirectories(src.getParent());
            Files.writeString(src, e.getValue(), StandardCharsets.UTF_8);
            files.add(src);
        }
        Map<Path, List<String>> errors = Javac.compile(files, deps + File.pathSeparator + classes, classes);
        if (!errors.isEmpty()) {
            Map.Entry<Path, List<String>> first = errors.entrySet().iterator().next();
            return new Outcome(null, "the edited " + first.getKey().getFileName() + " does not compile: "
                    + first.getValue().get(0));
        }
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("--submission", classes.toString(), "--out", out.toString(),
                "--jvm-arg", "-Djqwik.shrinking.default=OFF", "--no-notebooks"));
        args.addAll(gradeArgs);
        try {
            return new Outcome(GradeProcess.run(layout, args, dir.resolve("grading.log"), 20), null);
        } catch (IllegalStateException ex) {
            return new Outcome(null, "grading failed; see " + dir.resolve("grading.log"));
        }
    }
}

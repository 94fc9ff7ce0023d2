package grader.compile;

import grader.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A submission of sources — a folder or a zip of the student's .java files and notebooks, in any folder structure
 * — made ready to grade: its .java files matched to the skeleton's by package and name (a file not sent is the
 * skeleton's; a file outside the homework's packages is ignored and named), compiled with the TODO-by-TODO
 * fallback ({@link SubmissionCompiler}), and its notebooks gathered by file name.
 *
 * @param classes   the compiled classes to grade (the skeleton's alone when nothing of the student's compiled)
 * @param report    what was replaced and why, and the compiler's notes
 * @param notebooks a folder with the submitted notebooks (possibly empty)
 */
public record Submission(Path classes, CompileReport report, Path notebooks) {

    /**
     * @param sources   the submission: a folder or a .zip
     * @param skeleton  the skeleton's sources as released, a folder or a .zip: the fallback for what does not compile
     * @param classpath the libraries both compile against
     * @param work      an empty folder of this submission's own
     * @throws IllegalArgumentException when the submission cannot be read at all (not a folder, not a zip)
     */
    public static Submission prepare(Path sources, Path skeleton, String classpath, Path work) {
        return prepare(sources, skeleton, null, classpath, work);
    }

    /**
     * @param skeletonClasses the skeleton as released, already compiled (a student's build has it), or null: then
     *                        it is compiled here when needed
     */
    public static Submission prepare(Path sources, Path skeleton, Path skeletonClasses, String classpath, Path work) {
        try {
            FileOps.deleteTree(work);
            Files.createDirectories(work);
            Path tree = Files.isDirectory(sources) ? sources : unzip(sources, work.resolve("src"));
            Path skeletonTree = Files.isDirectory(skeleton) ? skeleton : unzip(skeleton, work.resolve("skeleton"));
            Map<String, Path> skeletonFiles = SubmissionCompiler.javaFilesByPackage(skeletonTree);
            Map<String, Path> submitted = new TreeMap<>();
            List<String> ignored = new ArrayList<>();
            SubmissionCompiler.javaFilesByPackage(tree).forEach((rel, p) -> {
                if (inSkeletonPackage(rel, skeletonFiles)) {
                    submitted.put(rel, p);
                } else {
                    ignored.add(rel);
                }
            });
            SubmissionCompiler.Result compiled = SubmissionCompiler.compile(submitted, skeletonFiles,
                    skeletonClasses, classpath, work.resolve("classes"));
            CompileReport report = new CompileReport();
            report.replaced.putAll(compiled.replacedClasses());
            report.replacedTodos.putAll(compiled.replacedTodos());
            report.log = compiled.log() + (ignored.isEmpty() ? ""
                    : "ignored (not in the homework's packages): " + String.join(", ", ignored) + "\n");
            if (submitted.isEmpty()) {
                report.log = "no .java file of the homework's packages was found in " + sources.getFileName() + "\n"
                        + report.log;
            }
            Path classes = compiled.classes();
            if (!compiled.compiled()) {
                report.compiled = false;
                classes = skeletonClasses != null ? skeletonClasses : SubmissionCompiler.compile(Map.of(),
                        skeletonFiles, classpath, work.resolve("skeleton-classes")).classes();
            }
            return new Submission(classes, report, gatherNotebooks(tree, work.resolve("notebooks")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + sources + ": " + e.getMessage(), e);
        }
    }

    private static boolean inSkeletonPackage(String rel, Map<String, Path> skeleton) {
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        return skeleton.keySet().stream().anyMatch(k -> k.startsWith(dir) && k.indexOf('/', dir.length()) < 0);
    }

    /** Every .ipynb of the submission, wherever it sits, by file name (Jupyter's checkpoints left out). */
    private static Path gatherNotebooks(Path tree, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList()) {
                Files.copy(f, into.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return into;
    }

    /** Extracts a zip, refusing entries that would land outside {@code dest}. */
    public static Path unzip(Path zip, Path dest) throws IOException {
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
}

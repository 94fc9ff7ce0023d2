package grader.authoring.similarity;

import grader.compile.SubmissionCompiler;
import grader.compile.TodoRegions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a submission a student wrote: for each skeleton file with TODOs, the student's methods of those TODOs
 * (header and body, found by the skeleton's headers as the grader's compile fallback finds them), written as one
 * small class per file. The provided code outside the TODO methods is left out, so two students are compared on
 * their solutions, not on the thousands of lines every copy shares.
 */
public final class SolutionRegions {
    /** The skeleton's files that hold TODOs ("hw/tensor/Autograd.java") → each TODO's label → method header. */
    private final Map<String, Map<String, String>> todos = new LinkedHashMap<>();
    private final Map<String, String> skeleton = new LinkedHashMap<>();

    public SolutionRegions(Path skeletonSources) {
        SubmissionCompiler.javaFilesByPackage(skeletonSources).forEach((rel, file) -> {
            String text = read(file);
            Map<String, String> headers = TodoRegions.headers(text);
            if (!headers.isEmpty()) {
                todos.put(rel, headers);
                skeleton.put(rel, text);
            }
        });
        if (todos.isEmpty()) {
            throw new IllegalArgumentException("no TODO found in the skeleton's sources " + skeletonSources);
        }
    }

    /** Writes the skeleton's TODO methods as the base code: what every student starts from. */
    public int writeBase(Path dir) {
        return write(skeleton, dir);
    }

    /**
     * Writes the student's TODO methods of a submission (a folder or a zip of .java files, in any layout) into
     * {@code dir}; returns how many methods were found. A file the student did not send, or a method whose
     * signature they changed, is left out.
     */
    public int writeSubmission(Path submission, Path dir) {
        if (Files.isDirectory(submission)) {
            return write(sources(submission), dir);
        }
        try (FileSystem zip = FileSystems.newFileSystem(submission)) {
            return write(sources(zip.getPath("/")), dir);
        } catch (IOException | java.nio.file.ProviderNotFoundException e) {
            throw new IllegalArgumentException(submission.getFileName() + " is not a folder or a readable zip");
        }
    }

    private Map<String, String> sources(Path root) {
        Map<String, String> out = new LinkedHashMap<>();
        SubmissionCompiler.javaFilesByPackage(root).forEach((rel, file) -> {
            if (todos.containsKey(rel)) {
                out.put(rel, read(file));
            }
        });
        return out;
    }

    private int write(Map<String, String> files, Path dir) {
        int methods = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            List<String> found = new ArrayList<>();
            for (String header : todos.get(f.getKey()).values()) {
                String method = TodoRegions.method(f.getValue(), header);
                if (method != null) {
                    found.add(method);
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            methods += found.size();
            String name = f.getKey().substring(f.getKey().lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
            // The methods of one file in one class, so JPlag parses them as Java (in the skeleton's order: JPlag
            // matches wherever code stands).
            String text = "class " + name + " {\n" + String.join("\n\n", found) + "\n}\n";
            Path target = dir.resolve(f.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        return methods;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

package grader.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in this JVM and reports the errors by source file. */
public final class Javac {
    private Javac() {
    }

    /**
     * @return each source file with errors (absolute, normalised) and its messages ("line 12: ';' expected");
     *         empty when everything compiled
     */
    public static Map<Path, List<String>> compile(List<Path> sources, String classpath, Path out) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler here: compiling sources needs a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = List.of("-d", out.toString(), "-cp", classpath, "-proc:none", "-nowarn",
                    "-encoding", "UTF-8", "-implicit:none");
            compiler.getTask(new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile into " + out + ": " + e.getMessage(), e);
        }
        Map<Path, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                Path file = d.getSource() == null ? Path.of("(no file)")
                        : Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
                errors.computeIfAbsent(file, f -> new ArrayList<>()).add("line " + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        return errors;
    }
}

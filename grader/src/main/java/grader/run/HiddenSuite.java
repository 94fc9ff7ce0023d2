package grader.run;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * An instructor's extra suite added to a grading run: a jar or a folder of compiled tests is used as it is; a
 * folder of test sources is compiled first, against the same class path as the public tests.
 */
final class HiddenSuite {
    private HiddenSuite() {
    }

    /** A test root for {@code suite}: itself, or the folder its sources were compiled into. */
    static Path prepare(Path suite, String classpath, Path work) {
        if (!Files.exists(suite)) {
            throw new IllegalArgumentException("--hidden " + suite + " does not exist");
        }
        if (Files.isRegularFile(suite)) {
            if (!suite.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("--hidden " + suite + " is neither a folder nor a .jar");
            }
            return suite;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(suite)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + suite + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            return suite; // compiled classes
        }
        Path out = work.resolve("hidden-" + Math.abs(suite.toAbsolutePath().toString().hashCode()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalArgumentException("--hidden " + suite + " holds sources, and compiling them needs a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "-proc:none",
                    "-encoding", "UTF-8", "-nowarn"));
            ok = javac.getTask(new StringWriter(), fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ok) {
            StringBuilder why = new StringBuilder("the hidden suite " + suite + " does not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    why.append(System.lineSeparator()).append("  ")
                            .append(d.getSource() == null ? "" : new File(d.getSource().getName()).getName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT));
                }
            }
            throw new IllegalArgumentException(why.toString());
        }
        return out;
    }
}

package grader.notebook.jshell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells of Java with the JDK's JShell, one cell after another in one session, the way both the
 * kit's Jupyter kernel and the grader run them, so that a cell behaves the same in both. A cell is Java snippets
 * (declarations, statements, expressions), optionally after line magics: {@code %jars PATH...} adds jars (a path
 * relative to the notebook's folder) to the cells' class path. The value of a cell whose last snippet is an
 * expression is its result; a compile error or an exception is its failure. What a cell prints goes to
 * System.out and System.err, which the caller routes.
 */
public final class CellEvaluator implements AutoCloseable {
    /** The imports a cell starts with, as in the jshell tool. */
    private static final List<String> IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*",
            "java.util.stream.*");

    private final Path folder;
    private CompletableFuture<JShell> starting;
    private JShell shell;
    private CellExecution execution;

    /** A session whose relative paths ({@code %jars}) start at {@code folder}, the notebook's. */
    public CellEvaluator(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Starts JShell on a thread of its own (a second or two: its compiler warms up) if it has not started; the first
     * cell waits for it. A kernel calls this once it has answered Jupyter, so that the start does not delay the
     * answer.
     */
    public synchronized void start() {
        if (starting == null) {
            starting = CompletableFuture.supplyAsync(this::startShell);
        }
    }

    private JShell startShell() {
        AtomicReference<CellExecution> created = new AtomicReference<>();
        JShell s = JShell.builder().executionEngine(CellExecution.provider(new CellClassLoader(), created), null)
                .build();
        execution = created.get();
        for (String i : IMPORTS) {
            s.eval("import " + i + ";");
        }
        return s;
    }

    private JShell shell() {
        if (shell == null) {
            start();
            shell = starting.join();
        }
        return shell;
    }

    /**
     * What a cell gave: its failure (null when it ran through), else its value when its last snippet is an
     * expression ({@code hasValue}; the value may be null).
     */
    public record Result(Failure failure, boolean hasValue, Object value, String valueText) {
    }

    /**
     * Why a cell failed, as the kernel reports it and the grader records it.
     *
     * @param exception the exception the kernel raises for it: what the cell threw, or a {@link CellError}
     * @param traceback the lines shown under the cell: "Name: message", then where in the cell, if known
     */
    public record Failure(Exception exception, List<String> traceback) {
        /** The exception's simple class name, as Jupyter's "ename". */
        public String name() {
            return exception.getClass().getSimpleName();
        }

        /** Its message, as Jupyter's "evalue". */
        public String message() {
            return exception.getMessage() == null ? "" : exception.getMessage();
        }
    }

    /** Runs one cell; never throws for what the cell does. */
    public Result eval(String cell) {
        JShell shell = shell();
        String code = cell;
        int lineOffset = 0;
        while (true) {
            String stripped = code.stripLeading();
            if (!stripped.startsWith("%")) {
                break;
            }
            lineOffset += code.substring(0, code.length() - stripped.length()).split("\n", -1).length - 1;
            int end = stripped.indexOf('\n');
            String magic = end < 0 ? stripped : stripped.substring(0, end);
            code = end < 0 ? "" : stripped.substring(end + 1);
            lineOffset++;
            String problem = magic(magic.strip());
            if (problem != null) {
                return failed(new CellError(problem), List.of());
            }
        }
        Result last = new Result(null, false, null, null);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                int line = lineOffset + lineOf(code, consumed + leadingBlank(remaining));
                return failed(new CellError("line " + line + ": this statement is incomplete: "
                        + firstLine(remaining)), List.of());
            }
            String source = info.source();
            int at = remaining.indexOf(source);
            int snippetLine = lineOffset + lineOf(code, consumed + (at >= 0 ? at : leadingBlank(remaining)));
            int used = remaining.length() - info.remaining().length();
            remaining = info.remaining();
            last = evalSnippet(source, snippetLine);
            consumed += used;
            if (last.failure() != null) {
                return last;
            }
        }
        return last;
    }

    private Result evalSnippet(String source, int firstLine) {
        JShell shell = shell();
        execution.takeValue(); // nothing left from a snippet before
        execution.takeThrown();
        List<SnippetEvent> events = shell.eval(source);
        Result result = new Result(null, false, null, null);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // a snippet this one replaced or updated
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                List<String> lines = new ArrayList<>();
                shell.diagnostics(s).filter(Diag::isError).forEach(d -> lines.add(diagnostic(d, source, firstLine)));
                String message = lines.isEmpty() ? "line " + firstLine + ": this code does not compile"
                        : String.join("\n", lines);
                return failed(new CellError(message), List.of());
            }
            JShellException thrown = e.exception();
            if (thrown instanceof UnresolvedReferenceException u) {
                List<String> missing = shell.unresolvedDependencies(u.getSnippet()).toList();
                return failed(new CellError("line " + firstLine + ": " + describe(u.getSnippet()) + " needs "
                        + String.join(", ", missing) + ", which no cell that ran has declared"), List.of());
            }
            if (thrown != null) {
                Throwable original = execution.takeThrown();
                return thrown(original != null ? original : thrown, thrown);
            }
            Object value = execution.takeValue();
            if (isValue(s) && !(value instanceof java.io.PrintStream)) {
                // (printf's value is the stream printed to: never worth showing)
                result = new Result(null, true, value, e.value());
            }
        }
        return result;
    }

    private Result thrown(Throwable original, JShellException copy) {
        Exception exception = original instanceof Exception x ? x
                : new CellError(original.getClass().getSimpleName() + (original.getMessage() == null ? ""
                        : ": " + original.getMessage()));
        String name = copy instanceof EvalException ee ? simple(ee.getExceptionClassName())
                : original.getClass().getSimpleName();
        List<String> where = new ArrayList<>();
        for (StackTraceElement frame : original.getStackTrace()) {
            if (frame.getClassName().startsWith("REPL.")) {
                // (the line numbers are those of JShell's wrapper around the snippet, not the cell's)
                where.add("    at " + ("do_it$".equals(frame.getMethodName()) ? "the cell" : frame.getMethodName()
                        + "()"));
            }
        }
        List<String> traceback = new ArrayList<>();
        traceback.add(name + (original.getMessage() == null ? "" : ": " + original.getMessage()));
        traceback.addAll(where);
        return new Result(new Failure(exception, traceback), false, null, null);
    }

    private static Result failed(Exception e, List<String> more) {
        List<String> traceback = new ArrayList<>();
        traceback.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        traceback.addAll(more);
        return new Result(new Failure(e, traceback), false, null, null);
    }

    /** Runs a line magic; returns what is wrong with it, or null. */
    private String magic(String line) {
        String[] words = line.split("\\s+");
        if (!words[0].equals("%jars")) {
            return "unknown magic " + words[0] + " (this kernel knows %jars PATH...)";
        }
        if (words.length < 2) {
            return "%jars needs the path of a jar";
        }
        for (int i = 1; i < words.length; i++) {
            Path jar = folder.resolve(words[i]).normalize();
            if (!Files.exists(jar)) {
                return "%jars: " + jar + " does not exist" + (jar.toString().contains("target")
                        ? " (build the homework first: mvn compile, then run this cell again)" : "");
            }
            shell().addToClasspath(jar.toString());
        }
        return null;
    }

    /** Stops the cell that is running, from another thread. */
    public void stop() {
        if (shell != null) {
            shell.stop();
        }
    }

    @Override
    public void close() {
        if (starting != null) {
            shell().close();
        }
    }

    private static boolean isValue(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    private static String diagnostic(Diag d, String source, int firstLine) {
        long pos = d.getStartPosition();
        int line = firstLine + (pos >= 0 && pos <= source.length() ? lineOf(source, (int) pos) - 1 : 0);
        // javac's "cannot find symbol\n  symbol: variable x\n  location: class" as "cannot find symbol (variable x)";
        // the location is JShell's wrapper class, which means nothing in a cell
        List<String> parts = d.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        StringBuilder text = new StringBuilder(parts.isEmpty() ? "" : parts.get(0));
        for (String p : parts.subList(Math.min(1, parts.size()), parts.size())) {
            if (p.startsWith("symbol:")) {
                text.append(" (").append(p.substring("symbol:".length()).strip().replaceAll("\\s+", " ")).append(")");
            } else if (!p.startsWith("location:")) {
                text.append("; ").append(p);
            }
        }
        return "line " + line + ": " + text;
    }

    private static String describe(Snippet s) {
        String first = firstLine(s.source());
        return first.length() <= 60 ? "\"" + first + "\"" : "\"" + first.substring(0, 59) + "…\"";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int leadingBlank(String s) {
        return s.length() - s.stripLeading().length();
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }

    private static String simple(String className) {
        return className == null ? "Exception" : className.substring(className.lastIndexOf('.') + 1);
    }
}

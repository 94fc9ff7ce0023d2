package grader.compile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a submission was compiled, for the report: the student's classes that were replaced by the skeleton's
 * (they did not compile, or changed the public API), each with the reason, and the compiler's log.
 */
public final class CompileReport {
    /** Nothing was compiled here: the submission came compiled. */
    public static final CompileReport NONE = new CompileReport();
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Class name ("hw.tensor.Tensor") → why the student's version was not used. */
    public Map<String, String> replaced = new TreeMap<>();
    /** TODO label ("Problem 5.3 (BigramLM.generate)") → why its body is the skeleton's (the rest of the file is the student's). */
    public Map<String, String> replacedTodos = new TreeMap<>();
    /** Whether the submission compiled at all (with replacements); when not, every test fails. */
    public boolean compiled = true;
    public String log = "";

    public static CompileReport read(Path file) {
        try {
            CompileReport r = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), CompileReport.class);
            if (r == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not a compile report: " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, GSON.toJson(this), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Map<String, String> replacedClasses() {
        return replaced == null ? Map.of() : replaced;
    }

    public Map<String, String> replacedTodos() {
        return replacedTodos == null ? Map.of() : replacedTodos;
    }

    /** A paragraph for the top of the report; empty when everything the student wrote was used. */
    public String summary() {
        boolean notes = log != null && !log.isBlank();
        if (replacedClasses().isEmpty() && replacedTodos().isEmpty() && compiled && !notes) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (compiled && notes) {
            s.append("Note: ").append(log.strip()).append("\n");
        }
        if (!compiled) {
            s.append("Your submission does not compile, even with the skeleton's version of the broken files,")
                    .append(" so no test could use it:\n").append(log == null ? "" : log.strip()).append("\n");
        }
        if (!replacedClasses().isEmpty()) {
            s.append("Graded with the skeleton's version instead of yours (tests that need these classes fail;")
                    .append(" every other problem is graded normally):\n");
            replacedClasses().forEach((c, why) -> s.append("  ").append(c).append(": ").append(why).append("\n"));
        }
        if (!replacedTodos().isEmpty()) {
            s.append("Graded with the skeleton's version of these TODOs only (your other TODOs were kept):\n");
            replacedTodos().forEach((todo, why) -> s.append("  ").append(todo).append(": ").append(why).append("\n"));
        }
        return s.append("\n").toString();
    }
}

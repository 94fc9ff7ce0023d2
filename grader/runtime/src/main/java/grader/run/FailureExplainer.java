package grader.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * Turns what a test threw into a message for the student: what is wrong, in the student's terms. It never prints
 * the harness's stack frames; for an unexpected exception it shows the frames of the student's own code.
 */
public final class FailureExplainer {
    /** The prefix of the error the generated skeleton throws from every TODO. */
    public static final String NOT_IMPLEMENTED = "not implemented yet";
    private static final int MAX_FRAMES = 6;
    /** "not implemented yet: Problem 1.4 (Autograd.backward)": the label, and the TODO's number. */
    private static final Pattern TODO_LABEL = Pattern.compile("(Problem (\\d+\\.\\d+)\\b.*)$");
    private static final Pattern SEED = Pattern.compile("(?m)^\\s*seed\\s*=\\s*(\\S+)");
    private static final Pattern SAMPLE = Pattern.compile(
            "(?s)((?:Shrunk|Original) Sample[^\\n]*)\\n-+\\n(.*?)(?:\\n\\s*\\n|\\z)");

    private final Predicate<String> isStudentClass;
    private final Map<String, String> replaced;
    private final Map<String, String> replacedTodos;

    /** @param isStudentClass whether a class (by name) is the student's code, whose frames may be shown */
    public FailureExplainer(Predicate<String> isStudentClass) {
        this(isStudentClass, Map.of());
    }

    /**
     * @param replaced the student's classes that were graded with the skeleton's version, with the reason; a
     *                 failure inside one of them says so first
     */
    public FailureExplainer(Predicate<String> isStudentClass, Map<String, String> replaced) {
        this(isStudentClass, replaced, Map.of());
    }

    /**
     * @param replacedTodos the TODOs ("Problem 5.3 (BigramLM.generate)") graded with the skeleton's body, with the
     *                      reason; a test that reaches one of them says so first
     */
    public FailureExplainer(Predicate<String> isStudentClass, Map<String, String> replaced,
            Map<String, String> replacedTodos) {
        this.isStudentClass = isStudentClass;
        this.replaced = replaced;
        this.replacedTodos = replacedTodos;
    }

    /** What a failure means. */
    public record Explanation(Outcome outcome, String message, Map<String, Object> details) {
    }

    /**
     * @param thrown  what the test threw
     * @param reports what the test engine reported while the test ran (jqwik's property report: seed and sample)
     */
    public Explanation explain(Throwable thrown, List<String> reports) {
        return explain(thrown, reports, null);
    }

    /**
     * @param graded what the test grades: its TODOs ("2.1"), or its problem ("6") for a test of a whole problem;
     *               null when unknown. A test stopped by the skeleton's "not implemented yet" of a TODO it does not
     *               grade says that it needs that TODO first.
     */
    public Explanation explain(Throwable thrown, List<String> reports, List<String> graded) {
        Map<String, Object> details = new LinkedHashMap<>();
        StringBuilder message = new StringBuilder();
        Throwable todo = notImplemented(thrown);
        Outcome outcome;
        if (todo != null) {
            outcome = Outcome.ERRORED;
            String needed = otherTodo(todo.getMessage(), graded);
            message.append(needed == null ? todo.getMessage() : "needs " + needed + " first: this test of "
                    + String.join(" and ", graded.stream().map(g -> g.contains(".") ? g : "Problem " + g).toList())
                    + " runs it, and it is " + NOT_IMPLEMENTED);
            StackTraceElement[] trace = todo.getStackTrace();
            if (trace.length > 0) {
                message.append(" — the TODO at ").append(trace[0].getFileName()).append(':')
                        .append(trace[0].getLineNumber()).append(" (").append(trace[0].getClassName()).append('.')
                        .append(trace[0].getMethodName()).append(')');
            }
        } else if (thrown instanceof TestAbortedException) {
            outcome = Outcome.ABORTED;
            message.append("aborted: ").append(thrown.getMessage());
        } else if (thrown instanceof AssertionError) {
            outcome = Outcome.FAILED;
            message.append(thrown.getMessage() == null ? "assertion failed" : thrown.getMessage().strip());
            appendStudentFrames(message, thrown);
        } else {
            outcome = Outcome.ERRORED;
            message.append("your code threw ").append(describe(thrown));
            if (thrown instanceof StackOverflowError) {
                message.append(" (a recursion that never ends?)");
            }
            for (Throwable c : causes(thrown).subList(1, causes(thrown).size())) {
                message.append("\ncaused by ").append(describe(c));
            }
            appendStudentFrames(message, thrown);
        }
        for (String report : reports) {
            Matcher seed = SEED.matcher(report);
            if (seed.find()) {
                details.put("seed", seed.group(1));
            }
            Matcher sample = SAMPLE.matcher(report);
            if (sample.find()) {
                details.put("sample", sample.group(2).lines().map(String::strip)
                        .collect(java.util.stream.Collectors.joining("\n")));
                details.put("sample_kind", sample.group(1).strip());
            }
        }
        String replacedTodo = todo == null ? null : replacedTodos.keySet().stream()
                .filter(label -> todo.getMessage().contains(label)).findFirst().orElse(null);
        String replacedClass = replacedClassIn(todo != null ? todo : thrown);
        if (replacedTodo != null) {
            message.insert(0, replacedTodos.get(replacedTodo) + "\nso this TODO was graded with the skeleton's version"
                    + " (the rest of your file was kept): ");
        } else if (replacedClass != null) {
            String file = replacedClass.substring(replacedClass.lastIndexOf('.') + 1) + ".java";
            message.insert(0, "your " + file + " " + replaced.get(replacedClass)
                    + "\nso it was graded with the skeleton's version: ");
        }
        // The seed matters only where jqwik generated the inputs; an @Example's would be a random number to no use.
        if (details.containsKey("seed") && details.containsKey("sample")) {
            message.append("\njqwik seed ").append(details.get("seed")).append("; ").append(details.get("sample_kind"))
                    .append(":\n").append(indent(String.valueOf(details.get("sample"))));
        }
        return new Explanation(outcome, message.toString(), details);
    }

    /**
     * The label ("Problem 1.4 (Autograd.backward)") of the TODO a "not implemented yet" message names, when the
     * test grades neither that TODO nor its whole problem; else null.
     */
    private static String otherTodo(String notImplemented, List<String> graded) {
        Matcher m = TODO_LABEL.matcher(notImplemented);
        if (graded == null || !m.find()) {
            return null;
        }
        String todo = m.group(2);
        return graded.contains(todo) || graded.contains(todo.substring(0, todo.indexOf('.'))) ? null : m.group(1);
    }

    private String replacedClassIn(Throwable t) {
        if (replaced.isEmpty()) {
            return null;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            String outer = e.getClassName().replaceFirst("\\$.*", "");
            if (replaced.containsKey(outer)) {
                return outer;
            }
        }
        return null;
    }

    private static Throwable notImplemented(Throwable t) {
        for (Throwable c : causes(t)) {
            if (c instanceof UnsupportedOperationException && c.getMessage() != null
                    && c.getMessage().startsWith(NOT_IMPLEMENTED)) {
                return c;
            }
        }
        return null;
    }

    /** t and its causes, each once (a cause chain may loop). */
    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private void appendStudentFrames(StringBuilder message, Throwable t) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (isStudentClass.test(e.getClassName())) {
                frames.add("    at " + e);
                if (frames.size() == MAX_FRAMES) {
                    break;
                }
            }
        }
        if (!frames.isEmpty()) {
            message.append("\n  in your code:\n").append(String.join("\n", frames));
        }
    }

    private static String indent(String s) {
        return s.lines().map(l -> "    " + l.strip()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}

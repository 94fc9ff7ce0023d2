package grader.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs one student file that does not compile, TODO by TODO, so that a broken TODO costs only its own points.
 * A TODO is the method body that holds the skeleton's {@code // TODO Problem X.Y (Label)} line. Two stages:
 * <ol>
 * <li>in the student's own file, each TODO body an error falls in is swapped for the skeleton's (the student's
 * helpers and every other TODO stay);</li>
 * <li>when an error falls outside every TODO (a changed signature breaking a call elsewhere, a provided line
 * edited) or the braces do not balance: the skeleton's file with the student's TODO bodies put in, each of
 * them swapped back for the skeleton's when an error falls in it.</li>
 * </ol>
 * When neither helps, {@link #next} returns null and the caller falls back to the whole skeleton file.
 */
final class RegionFallback {
    private static final Pattern TODO = Pattern.compile("// TODO (Problem \\S+ \\([^)]*\\)): your code here");
    private static final Pattern LINE = Pattern.compile("^line (\\d+): (.*)$");

    private final String fileName;
    private final String className;
    private final String student;
    private final String skeleton;
    /** TODO label → the header of the method that holds it (as the skeleton writes it). */
    private final Map<String, String> todoHeaders = new LinkedHashMap<>();
    /** TODO label → why it was replaced ("your X.java does not compile in Problem 5.3 (…): line 12: ';' expected"). */
    private final Map<String, String> replaced = new LinkedHashMap<>();
    private int stage = 1;
    private String current;
    private boolean providedRestored;

    /** @param file the file by package path ("hw/model/BigramLM.java") */
    RegionFallback(String file, String student, String skeleton) {
        this.className = file.replaceAll("\\.java$", "").replace('/', '.');
        this.fileName = file.substring(file.lastIndexOf('/') + 1);
        this.student = student;
        this.skeleton = skeleton;
        this.current = student;
        List<JavaBlocks.Member> members = JavaBlocks.members(skeleton);
        if (members != null) {
            Matcher m = TODO.matcher(skeleton);
            while (m.find()) {
                for (JavaBlocks.Member member : members) {
                    if (member.contains(m.start())) {
                        todoHeaders.put(m.group(1), member.header());
                    }
                }
            }
        }
    }

    /** Whether the file has TODOs to fall back on one at a time. */
    boolean hasTodos() {
        return !todoHeaders.isEmpty();
    }

    /**
     * The next text to try, given the compiler's errors in the current one ("line N: message"), or when
     * {@code errors} is empty and the current text compiled but changed the provided API; null when nothing
     * short of the whole skeleton file is left.
     */
    String next(List<String> errors) {
        if (!hasTodos()) {
            return null;
        }
        if (stage == 1) {
            String fixed = errors.isEmpty() ? null : swapBroken(student, current, errors, true);
            if (fixed != null) {
                current = fixed;
                return current;
            }
            stage = 2;
            providedRestored = true;
            current = transplant();
            return current;
        }
        String fixed = errors.isEmpty() ? null : swapBroken(skeleton, current, errors, false);
        if (fixed == null) {
            return null;
        }
        current = fixed;
        return current;
    }

    /** The TODO bodies of {@code text} that the errors fall in, each swapped for the skeleton's; null if some error falls elsewhere. */
    private String swapBroken(String base, String text, List<String> errors, boolean inStudentsFile) {
        List<JavaBlocks.Member> members = JavaBlocks.members(text);
        if (members == null) {
            return null;
        }
        Map<String, JavaBlocks.Member> broken = new LinkedHashMap<>();
        Map<String, String> firstError = new LinkedHashMap<>();
        for (String e : errors) {
            Matcher m = LINE.matcher(e);
            if (!m.matches()) {
                return null;
            }
            int offset = JavaBlocks.offsetOfLine(text, Integer.parseInt(m.group(1)));
            int lineEnd = text.indexOf('\n', offset) < 0 ? text.length() : text.indexOf('\n', offset);
            String label = null;
            for (Map.Entry<String, String> todo : todoHeaders.entrySet()) {
                JavaBlocks.Member member = find(members, todo.getValue());
                if (member != null && member.open() <= lineEnd && offset <= member.close()
                        && !replaced.containsKey(todo.getKey())) {
                    label = todo.getKey();
                    broken.put(label, member);
                }
            }
            if (label == null) {
                return null;
            }
            firstError.putIfAbsent(label, e);
        }
        List<JavaBlocks.Member> skeletonMembers = JavaBlocks.members(skeleton);
        String out = text;
        // From the end of the file backwards, so earlier offsets stay valid.
        List<Map.Entry<String, JavaBlocks.Member>> order = new ArrayList<>(broken.entrySet());
        order.sort((a, b) -> Integer.compare(b.getValue().open(), a.getValue().open()));
        for (Map.Entry<String, JavaBlocks.Member> e : order) {
            JavaBlocks.Member from = find(skeletonMembers, todoHeaders.get(e.getKey()));
            out = out.substring(0, e.getValue().open()) + skeleton.substring(from.open(), from.close() + 1)
                    + out.substring(e.getValue().close() + 1);
            replaced.put(e.getKey(), "your " + fileName + " does not compile in " + e.getKey() + ": "
                    + firstError.get(e.getKey()));
        }
        return out;
    }

    /** The skeleton's file with each TODO body the student wrote (and that still has its header) put in. */
    private String transplant() {
        List<JavaBlocks.Member> mine = JavaBlocks.members(student);
        List<JavaBlocks.Member> theirs = JavaBlocks.members(skeleton);
        List<Map.Entry<String, String>> todos = new ArrayList<>(todoHeaders.entrySet());
        todos.sort((a, b) -> Integer.compare(find(theirs, b.getValue()).open(), find(theirs, a.getValue()).open()));
        String out = skeleton;
        for (Map.Entry<String, String> todo : todos) {
            JavaBlocks.Member target = find(theirs, todo.getValue());
            JavaBlocks.Member source = mine == null ? null : find(mine, todo.getValue());
            if (replaced.containsKey(todo.getKey())) {
                continue;
            }
            if (source == null) {
                replaced.put(todo.getKey(), mine == null
                        ? "the braces of your " + fileName + " do not balance, so " + todo.getKey() + " could not be kept"
                        : "your " + fileName + " changed the signature of the method of " + todo.getKey()
                                + " (the skeleton's is " + todo.getValue() + ")");
                continue;
            }
            out = out.substring(0, target.open()) + student.substring(source.open(), source.close() + 1)
                    + out.substring(target.close() + 1);
        }
        return out;
    }

    private static JavaBlocks.Member find(List<JavaBlocks.Member> members, String header) {
        JavaBlocks.Member found = null;
        for (JavaBlocks.Member m : members) {
            if (m.header().equals(header)) {
                if (found != null) {
                    return null;
                }
                found = m;
            }
        }
        return found;
    }

    /** The TODOs graded with the skeleton's version, each with the message a failing test shows. */
    Map<String, String> replacedTodos() {
        return new LinkedHashMap<>(replaced);
    }

    /** A sentence for the report on what was kept. */
    String summary() {
        List<String> kept = new ArrayList<>(todoHeaders.keySet());
        kept.removeAll(replaced.keySet());
        return className + ": kept " + (kept.isEmpty() ? "none of your TODOs" : "your " + String.join(", ", kept))
                + (replaced.isEmpty() ? "" : "; the skeleton's " + String.join(", ", replaced.keySet()))
                + (providedRestored ? "; the provided code (outside the TODOs) is the skeleton's" : "");
    }
}

package grader.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The member bodies of a Java source, found by matching braces outside comments, strings, characters and text
 * blocks: each method, constructor or initializer body (the outermost block that is not a type's body), with the
 * code of its header ("public Tensor forward(int[][] ids)", whitespace collapsed). Used to swap one TODO's method
 * body between a student's file and the skeleton's without parsing the (possibly broken) file.
 */
final class JavaBlocks {
    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\b");

    /** A member body: the offsets of its '{' and of its matching '}' (inclusive), and its header. */
    record Member(String header, int open, int close) {
        boolean contains(int offset) {
            return offset >= open && offset <= close;
        }
    }

    /** The members, or null when the braces do not balance (a broken file: no body can be trusted). */
    static List<Member> members(String src) {
        List<Member> out = new ArrayList<>();
        Deque<int[]> stack = new ArrayDeque<>(); // {open offset, isType (1/0), isMember (1/0)}
        Deque<String> headers = new ArrayDeque<>();
        StringBuilder header = new StringBuilder();
        int n = src.length();
        for (int i = 0; i < n; i++) {
            char c = src.charAt(i);
            char next = i + 1 < n ? src.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                i = endOf(src, i, "\n") - 1;
            } else if (c == '/' && next == '*') {
                i = endOf(src, i + 2, "*/") - 1;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                i = endOf(src, i + 3, "\"\"\"") - 1;
                header.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j, n - 1);
                header.append(c).append(c);
            } else if (c == '{') {
                boolean insideMember = stack.stream().anyMatch(e -> e[2] == 1);
                String h = header.toString().strip().replaceAll("\\s+", " ");
                boolean isType = !insideMember && TYPE_HEADER.matcher(h).find();
                stack.push(new int[] {i, isType ? 1 : 0, !insideMember && !isType ? 1 : 0});
                headers.push(h);
                header.setLength(0);
            } else if (c == '}') {
                if (stack.isEmpty()) {
                    return null;
                }
                int[] top = stack.pop();
                String h = headers.pop();
                if (top[2] == 1) {
                    out.add(new Member(h, top[0], i));
                }
                header.setLength(0);
            } else if (c == ';') {
                header.setLength(0);
            } else {
                header.append(c);
            }
        }
        return stack.isEmpty() ? out : null;
    }

    private static int endOf(String src, int from, String end) {
        int k = src.indexOf(end, from);
        return k < 0 ? src.length() : k + end.length();
    }

    /** The 1-based line of an offset. */
    static int lineOf(String src, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The offset where a 1-based line starts. */
    static int offsetOfLine(String src, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int k = src.indexOf('\n', offset);
            if (k < 0) {
                return src.length();
            }
            offset = k + 1;
        }
        return offset;
    }
}

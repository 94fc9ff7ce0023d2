package grader.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TODO methods of a skeleton file, and what a student wrote in them: a TODO is the method body that holds the
 * skeleton's {@code // TODO Problem X.Y (Label)} line, found as {@link RegionFallback} finds it, by
 * {@link JavaBlocks}' headers. For tools that look at the students' solutions only (the similarity check).
 */
public final class TodoRegions {
    private static final Pattern TODO = Pattern.compile("// TODO (Problem \\S+ \\([^)]*\\))");

    private TodoRegions() {
    }

    /** Each TODO's label ("Problem 1.3 (Autograd.topologicalOrder)") → the header of its method, in file order. */
    public static Map<String, String> headers(String skeleton) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JavaBlocks.Member> members = JavaBlocks.members(skeleton);
        if (members == null) {
            return out;
        }
        Matcher m = TODO.matcher(skeleton);
        while (m.find()) {
            for (JavaBlocks.Member member : members) {
                if (member.contains(m.start())) {
                    out.putIfAbsent(m.group(1), member.header());
                }
            }
        }
        return out;
    }

    /**
     * The offsets of the body (its '{' and its '}') of the method around {@code offset}, or null when none holds it
     * or the braces do not balance.
     */
    public static int[] bodyAround(String source, int offset) {
        List<JavaBlocks.Member> members = JavaBlocks.members(source);
        if (members != null) {
            for (JavaBlocks.Member m : members) {
                if (m.contains(offset)) {
                    return new int[] {m.open(), m.close()};
                }
            }
        }
        return null;
    }

    /**
     * The method with this header in {@code source}: its header and its body, braces included; null when the
     * source has no such method, has it twice, or its braces do not balance.
     */
    public static String method(String source, String header) {
        List<JavaBlocks.Member> members = JavaBlocks.members(source);
        List<JavaBlocks.Member> named = members == null ? List.of()
                : members.stream().filter(m -> m.header().equals(header)).toList();
        if (named.size() != 1) {
            return null;
        }
        JavaBlocks.Member m = named.get(0);
        return header + " " + source.substring(m.open(), m.close() + 1);
    }
}

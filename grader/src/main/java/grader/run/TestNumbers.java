package grader.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers graded tests under the TODO they grade, so that a test's number never reads as another TODO's label:
 * the tests of Problem 4.1 are 4.1.1, 4.1.2, …; tests of a problem that name no single TODO are P.0.1, P.0.2, …
 * (no TODO is labelled P.0). The TODO is the first "Problem P.T" (or "Problems P.T-P.U") in the test's name,
 * which starts with its class's label. Within a TODO the index is zero-padded to the group's widest index
 * ("4.1.01" … "4.1.12"), so a plain string sort and a natural (version-like) sort put the tests in the same
 * order as the report.
 */
public final class TestNumbers {
    private static final Pattern TODO = Pattern.compile("\\bProblems?\\s+(\\d+)\\.(\\d+)");

    private TestNumbers() {
    }

    /** The TODO's minor number the unit grades (the T of "Problem P.T"), or 0 when its name names none of its problem. */
    static int todoOf(GradedUnit u) {
        Matcher m = TODO.matcher(u.name);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == u.problem) {
                return Integer.parseInt(m.group(2));
            }
        }
        return 0;
    }

    private static final Pattern LABEL = Pattern.compile("\\bProblems?\\s+(\\d+)\\.(\\d+)(?:\\s*-\\s*(\\d+)\\.(\\d+))?");

    /** Whether a test's (or its class's) name names TODO "P.T", alone or in a range such as "Problems 1.3-1.4". */
    public static boolean covers(String name, String todo) {
        String[] pt = todo.split("\\.");
        int problem = Integer.parseInt(pt[0]);
        int t = Integer.parseInt(pt[1]);
        Matcher m = LABEL.matcher(name);
        while (m.find()) {
            int p = Integer.parseInt(m.group(1));
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) != null && Integer.parseInt(m.group(3)) == p ? Integer.parseInt(m.group(4)) : from;
            if (p == problem && from <= t && t <= to) {
                return true;
            }
        }
        return false;
    }

    /** Report order: problem, TODO, visible tests before the others (a hidden suite renumbers no public test), name. */
    static final Comparator<GradedUnit> ORDER = Comparator.comparingInt((GradedUnit u) -> u.problem)
            .thenComparingInt(TestNumbers::todoOf).thenComparing(u -> u.visibility != grader.api.Visibility.Level.VISIBLE)
            .thenComparing(u -> u.name);

    /** Sorts the units into report order and sets each one's number. */
    static List<GradedUnit> number(List<GradedUnit> units) {
        List<GradedUnit> sorted = new ArrayList<>(units);
        sorted.sort(ORDER);
        Map<String, List<GradedUnit>> groups = new LinkedHashMap<>();
        for (GradedUnit u : sorted) {
            groups.computeIfAbsent(u.problem + "." + todoOf(u), g -> new ArrayList<>()).add(u);
        }
        groups.forEach((group, members) -> {
            int width = String.valueOf(members.size()).length();
            for (int k = 0; k < members.size(); k++) {
                members.get(k).number = group + "." + pad(k + 1, width);
            }
        });
        return sorted;
    }

    private static String pad(int k, int width) {
        String s = String.valueOf(k);
        return "0".repeat(width - s.length()) + s;
    }
}

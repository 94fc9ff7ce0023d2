package grader.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers graded tests under the TODO they grade ({@link grader.api.Todo}), so that a test's number never reads as
 * another TODO's label: the tests of TODO 4.1 are 4.1.1, 4.1.2, …; tests of a problem that grade no single TODO
 * are P.0.1, P.0.2, … (no TODO is numbered P.0). Within a TODO the index is zero-padded to the group's widest
 * index ("4.1.01" … "4.1.12"), so a plain string sort and a natural (version-like) sort put the tests in the same
 * order as the report.
 */
final class TestNumbers {
    private TestNumbers() {
    }

    /** The minor number of the TODO the unit is filed under (the T of its first TODO "P.T"), or 0 for none. */
    static int todoOf(GradedUnit u) {
        return u.todos.isEmpty() ? 0 : Integer.parseInt(u.todos.get(0).substring(u.todos.get(0).indexOf('.') + 1));
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

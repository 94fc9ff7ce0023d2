package grader.authoring.classview;

import grader.authoring.verify.CatalogueSignatures.Signature;
import grader.report.Results;
import grader.report.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which known misconception a student's failures look like. Each mistake of the catalogue has a signature: the
 * tests of its TODO it fails ({@code grader/kit mistakes} records them). A student matches it exactly when, among
 * the tests of that TODO, they failed those and no others — and, when the catalogue's own run named the entry's
 * symptom in a failure message, their messages name it too. A student who failed those and more of the same TODO
 * (two mistakes in one TODO, say) is "consistent with" it. Entries that fail the same tests for the same students
 * cannot be told apart and are reported together.
 */
public final class Misconceptions {
    /**
     * Entries and the students they cover.
     *
     * @param entries the catalogue entries (one, or several that these failures cannot tell apart)
     * @param exact   students whose failures in the TODO are exactly the signature
     * @param partial students whose failures in the TODO include the signature and more
     */
    public record Match(List<Signature> entries, List<String> exact, List<String> partial) {
        public List<String> entryNames() {
            return entries.stream().map(Signature::entry).toList();
        }

        public String todo() {
            return entries.get(0).todo();
        }

        public List<String> failedNumbers() {
            return entries.get(0).failedNumbers();
        }
    }

    private Misconceptions() {
    }

    static List<Match> match(Map<String, Results> graded, Map<String, Signature> signatures) {
        Map<String, Match> byStudents = new LinkedHashMap<>();
        for (Signature s : signatures.values()) {
            if (!"mistake".equals(s.kind()) || s.failed().isEmpty()) {
                continue;
            }
            Set<String> scope = new HashSet<>(s.graded());
            Set<String> signature = new HashSet<>(s.failed());
            List<String> exact = new ArrayList<>();
            List<String> partial = new ArrayList<>();
            graded.forEach((student, r) -> {
                Set<String> failed = new HashSet<>();
                List<String> messages = new ArrayList<>();
                for (TestResult t : r.tests) {
                    String id = ClassAnalysis.idOf(t);
                    if (scope.contains(id) && t.score < t.maxScore) {
                        failed.add(id);
                        messages.add(t.output == null ? "" : t.output.toLowerCase(Locale.ROOT));
                    }
                }
                if (!failed.containsAll(signature) || !symptomSeen(s, messages) || untouched(messages)) {
                    return;
                }
                (failed.equals(signature) ? exact : partial).add(student);
            });
            if (exact.isEmpty() && partial.isEmpty()) {
                continue;
            }
            // Same failures, same students: the report cannot tell these entries apart.
            String key = s.todo() + "|" + new java.util.TreeSet<>(signature) + "|" + exact + "|" + partial;
            Match m = byStudents.get(key);
            if (m == null) {
                byStudents.put(key, new Match(new ArrayList<>(List.of(s)), exact, partial));
            } else {
                m.entries().add(s);
            }
        }
        List<Match> out = new ArrayList<>(byStudents.values());
        out.sort(Comparator.comparingInt((Match m) -> m.exact().size()).reversed()
                .thenComparing(Comparator.comparingInt((Match m) -> m.partial().size()).reversed())
                .thenComparing(m -> m.entries().get(0).entry()));
        return out;
    }

    /**
     * A TODO graded as the skeleton's (never written, or swapped back because it did not compile) fails every test
     * whatever the misconception: its failures say nothing of one.
     */
    private static boolean untouched(List<String> messages) {
        return messages.stream().anyMatch(m -> m.contains("not implemented yet"));
    }

    /** When the catalogue's run showed the entry's symptom in a message, a matching student's must show it too. */
    private static boolean symptomSeen(Signature s, List<String> messages) {
        if (!s.symptomNamed() || s.symptom() == null) {
            return true;
        }
        String symptom = s.symptom().toLowerCase(Locale.ROOT);
        return messages.stream().anyMatch(m -> m.contains(symptom));
    }
}

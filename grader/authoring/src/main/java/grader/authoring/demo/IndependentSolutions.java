package grader.authoring.demo;

import java.util.Map;

/**
 * Three students' solutions of six TODOs (1.3, 1.4, 5.1, 6.4, 6.5 and 8.1), written independently of the
 * reference (resources {@code carol.txt}, {@code dan.txt}, {@code erin.txt}): correct answers that share no code
 * with the reference or each other, which a similarity check must not flag.
 */
public final class IndependentSolutions {
    private IndependentSolutions() {
    }

    /** The student's answers, by TODO label. */
    public static Map<String, String> of(String student) {
        return ReferenceSources.sections(student + ".txt");
    }

    /** Puts the student's answers into the reference's files (markers kept). */
    static void apply(String student, Map<String, String> files, ReferenceSources reference) {
        of(student).forEach((label, body) -> {
            String file = reference.fileOf(label);
            files.put(file, ReferenceSources.replaceRegion(files.get(file), label, body));
        });
    }
}

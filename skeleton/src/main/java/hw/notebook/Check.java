package hw.notebook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A notebook question's check, the call a student runs in the notebook (Otter's {@code grader.check("q1")}):
 * it prints "Question 10.2: passed" or "Question 10.2: not yet — why". The autograder runs the same calls in the
 * same notebook and scores the question from them, so the message a student sees is the one the grader records.
 *
 * <p>When the autograder runs the notebook it sets {@code GRADER_CHECK_TOKEN}; each check then also prints one
 * machine-readable line carrying that token, which is how the grader tells a real check from text a cell prints.
 */
public final class Check {
    /** The environment variable the autograder sets while it runs a notebook. */
    public static final String TOKEN_VARIABLE = "GRADER_CHECK_TOKEN";
    /** The prefix of the machine-readable line: {@code ##grader-check TOKEN QUESTION pass|fail MESSAGE}. */
    public static final String MARKER = "##grader-check";

    private Check() {
    }

    /** Records the outcome of one check of {@code question}; returns {@code ok}. */
    public static boolean that(String question, boolean ok, String whyNot) {
        report(question, ok, ok ? "" : whyNot);
        return ok;
    }

    /**
     * Runs {@code check}, which returns null when the answer is right and otherwise what is wrong with it. An
     * exception thrown by the student's code fails the check with its message instead of stopping the cell.
     */
    public static boolean that(String question, Supplier<String> check) {
        String problem;
        try {
            problem = check.get();
        } catch (RuntimeException | StackOverflowError e) {
            problem = "your code threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return that(question, problem == null, problem);
    }

    /**
     * A "check all that apply" answer: the set of letters chosen must be exactly {@code key}. Only well-formed
     * answers reach the comparison: a letter outside {@code letters} is named as such.
     */
    public static boolean choice(String question, Set<String> answer, String letters, Set<String> key) {
        return that(question, () -> {
            String form = choiceForm(answer, letters);
            if (form != null) {
                return form;
            }
            Set<String> chosen = normalise(answer);
            if (chosen.equals(normalise(key))) {
                return null;
            }
            return "the options you chose, " + chosen + ", are not exactly the ones that apply";
        });
    }

    /**
     * The format check a student can run before the answer is graded: letters only from {@code letters}. It says
     * "well-formed", not "passed": whether the options are the right ones is checked when the notebook is graded.
     */
    public static boolean choiceForm(String question, Set<String> answer, String letters) {
        return form(question, choiceForm(answer, letters));
    }

    /**
     * A format check: {@code problem} is null when the answer has the right form. Passing it is necessary, not
     * sufficient, so it prints "well-formed" and leaves the verdict to the graded check.
     */
    public static boolean form(String question, String problem) {
        if (problem == null) {
            System.out.println("Question " + question + ": well-formed (whether it is right is checked when the"
                    + " notebook is graded)");
            marker(question, true, "");
            return true;
        }
        report(question, false, problem);
        return false;
    }

    /** A number within {@code tolerance} (relative, or absolute below 1) of {@code expected}. */
    public static boolean number(String question, double answer, double expected, double tolerance) {
        return that(question, () -> {
            if (Double.isNaN(answer)) {
                return "no answer yet (the value is NaN)";
            }
            double scale = Math.max(1, Math.abs(expected));
            return Math.abs(answer - expected) <= tolerance * scale ? null
                    : String.format(Locale.ROOT, "%s is not the expected value", answer);
        });
    }

    private static String choiceForm(Set<String> answer, String letters) {
        if (answer == null || answer.isEmpty()) {
            return "no option chosen yet";
        }
        for (String a : normalise(answer)) {
            if (a.length() != 1 || letters.toUpperCase(Locale.ROOT).indexOf(a.charAt(0)) < 0) {
                return "'" + a + "' is not one of the options " + Arrays.toString(letters.split(""));
            }
        }
        return null;
    }

    private static Set<String> normalise(Set<String> letters) {
        Set<String> out = new TreeSet<>();
        for (String s : letters) {
            out.add(s.strip().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static void report(String question, boolean ok, String message) {
        String oneLine = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        System.out.println("Question " + question + ": " + (ok ? "passed" : "not yet — " + oneLine));
        marker(question, ok, oneLine);
    }

    private static void marker(String question, boolean ok, String oneLine) {
        String token = System.getenv(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            System.out.println(MARKER + " " + token + " " + question + " " + (ok ? "pass" : "fail") + " " + oneLine);
        }
        System.out.flush();
    }
}

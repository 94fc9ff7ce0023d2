package hw.notebook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A notebook question's check, the call a student runs in the notebook (Otter's {@code grader.check("q1")}): it
 * prints one line, "Question 10.2: passed" or "Question 10.2: not yet — why". The autograder runs the same calls in
 * the same notebook and scores the question from them, so the line a student sees is the one the grader records.
 *
 * <p>Checks take the answer as a lambda ({@code () -> answer11_1()}), so that an answer not written yet prints
 * "Question 11.1: not answered yet — fill in answer11_1()" instead of stopping the cell with an exception. They
 * return nothing: the printed line is the whole verdict, and a cell that ends with a check shows no bare value.
 *
 * <p>When the autograder runs the notebook it sets {@code GRADER_CHECK_TOKEN}; each check then also prints one
 * machine-readable line carrying that token, which is how the grader tells a real check from text a cell prints.
 */
public final class Check {
    /** The environment variable the autograder sets while it runs a notebook. */
    public static final String TOKEN_VARIABLE = "GRADER_CHECK_TOKEN";
    /** The prefix of the machine-readable line: {@code ##grader-check TOKEN QUESTION pass|fail MESSAGE}. */
    public static final String MARKER = "##grader-check";
    /** How an answer the student has not written yet starts its exception (the notebooks' generator writes it). */
    static final String NOT_ANSWERED = "not answered yet: ";
    /** How a TODO of the homework's code that is not done yet starts its exception. */
    static final String NOT_IMPLEMENTED = "not implemented yet: ";
    private static final String LATER = " (whether it is right is checked only when the notebook is graded)";

    private Check() {
    }

    /** Records a check whose outcome the cell computed: {@code ok}, else {@code whyNot}. */
    public static void that(String question, boolean ok, String whyNot) {
        report(question, ok, ok ? "passed" : "not yet — " + whyNot);
    }

    /**
     * Runs {@code check}, which returns null when the answer is right and otherwise what is wrong with it. An
     * exception from the student's code fails the check with a line that says what happened.
     */
    public static void that(String question, Supplier<String> check) {
        judge(question, () -> {
            String problem = check.get();
            return problem == null ? new Verdict(true, "passed") : new Verdict(false, "not yet — " + problem);
        });
    }

    /** A "check all that apply" answer: the set of letters chosen must be exactly {@code key}. */
    public static void choice(String question, Supplier<Set<String>> answer, String letters, Set<String> key) {
        that(question, () -> {
            Set<String> chosen = answer.get();
            String form = choiceForm(chosen, letters);
            if (form != null) {
                return form;
            }
            return normalise(chosen).equals(normalise(key)) ? null
                    : "the options you chose, " + normalise(chosen) + ", are not exactly the ones that apply";
        });
    }

    /**
     * What a student can check of a choice before grading: that there is an answer, of letters from
     * {@code letters}. It prints the options chosen, never "passed": whether they are the right ones is checked
     * only when the notebook is graded.
     */
    public static void choiceForm(String question, Supplier<Set<String>> answer, String letters) {
        judge(question, () -> {
            Set<String> chosen = answer.get();
            String form = choiceForm(chosen, letters);
            return form != null ? new Verdict(false, "not yet — " + form) : recorded("you chose " + normalise(chosen));
        });
    }

    /** What a student can check of a number before grading: that it is a finite number. */
    public static void numberForm(String question, DoubleSupplier answer) {
        judge(question, () -> {
            double x = answer.getAsDouble();
            return Double.isFinite(x) ? recorded("your answer is " + x)
                    : new Verdict(false, "not yet — the answer is " + x + ", not a finite number");
        });
    }

    /** A number within {@code tolerance} (relative, or absolute below 1) of {@code expected}. */
    public static void number(String question, DoubleSupplier answer, double expected, double tolerance) {
        that(question, () -> {
            double x = answer.getAsDouble();
            if (Double.isNaN(x)) {
                return "no answer yet (the value is NaN)";
            }
            double scale = Math.max(1, Math.abs(expected));
            return Math.abs(x - expected) <= tolerance * scale ? null
                    : String.format(Locale.ROOT, "%s is not the expected value", x);
        });
    }

    /** A check's outcome: whether the grader counts it as passed, and the sentence after "Question N: ". */
    private record Verdict(boolean ok, String sentence) {
    }

    /**
     * A well-formed answer, which the grader counts as this check's pass: the hidden check decides the points, so
     * the sentence never says "passed".
     */
    private static Verdict recorded(String what) {
        return new Verdict(true, "answer recorded, " + what + LATER);
    }

    /** Prints the verdict of {@code check}; an exception from the student's code is a verdict too. */
    private static void judge(String question, Supplier<Verdict> check) {
        Verdict v;
        try {
            v = check.get();
        } catch (RuntimeException | StackOverflowError e) {
            v = new Verdict(false, thrown(question, e));
        }
        report(question, v.ok(), v.sentence());
    }

    /** The line for an exception from the student's code: an answer not written yet, a TODO not done, or else. */
    private static String thrown(String question, Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof UnsupportedOperationException && message.startsWith(NOT_ANSWERED)) {
            String rest = message.substring(NOT_ANSWERED.length());   // "Question 11.8 — fill in bptt()"
            int dash = rest.indexOf(" — ");
            String label = dash < 0 ? rest : rest.substring(0, dash);
            String hint = dash < 0 ? "" : " — " + rest.substring(dash + 3);
            return "not answered yet" + hint + (label.equals("Question " + question) ? "" : " (" + label + ")");
        }
        if (e instanceof UnsupportedOperationException && message.startsWith(NOT_IMPLEMENTED)) {
            return "not yet — it needs " + message.substring(NOT_IMPLEMENTED.length()) + " in your code first, which"
                    + " is not implemented yet";
        }
        return "not yet — your code threw " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
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

    private static void report(String question, boolean ok, String sentence) {
        String oneLine = sentence.replaceAll("\\s+", " ").strip();
        System.out.println("Question " + question + ": " + oneLine);
        String token = System.getenv(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            System.out.println(MARKER + " " + token + " " + question + " " + (ok ? "pass" : "fail") + " " + oneLine);
        }
        System.out.flush();
    }
}

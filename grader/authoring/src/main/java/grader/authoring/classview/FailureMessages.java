package grader.authoring.classview;

import java.util.regex.Pattern;

/**
 * Failure messages made comparable across students: two messages that differ only in numbers (the values a test
 * printed, a seed, a line number) have the same pattern. What the harness appends (the re-run command, the jqwik
 * seed and sample, what the test printed) is cut first, and only the first lines count.
 */
final class FailureMessages {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern NUMBER_RUN = Pattern.compile("#(?:\\s*,\\s*#)+");
    private static final int LINES = 3;

    private FailureMessages() {
    }

    /** The message as a student sees it, without what the harness appended. */
    static String message(String output) {
        if (output == null) {
            return "";
        }
        String text = output;
        for (String cut : new String[] {"\n--- printed while this test ran ---", "\nre-run just this test:",
            "\njqwik seed "}) {
            int at = text.indexOf(cut);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }

    /** The pattern of a message: its first lines, each number written {@code #} (a list of them {@code #, …}). */
    static String pattern(String output) {
        String first = String.join("\n", message(output).lines().map(String::strip).filter(l -> !l.isEmpty())
                .limit(LINES).toList());
        String numbers = NUMBER.matcher(first).replaceAll("#");
        return NUMBER_RUN.matcher(numbers).replaceAll("#, …").replaceAll("[ \\t]+", " ");
    }
}

package grader.run;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Map;

/**
 * One message from the child JVM that runs the tests to the grading process, as a line of JSON on the child's
 * standard output. Each line carries the run's secret token, which the child read from its standard input before
 * any test ran; lines without it (whatever a submission prints, or forges) are not events.
 *
 * @param type    started (a unit began), finished (its outcome is final), exit (the JVM is shutting down while
 *                a unit runs: System.exit), fatal (an error the test engine could not contain), done (all ran)
 * @param unit    the unit's unique id (null for done)
 * @param outcome for finished: the {@link Outcome} name
 * @param message for finished and fatal: what to tell the student
 * @param details for finished: reproduction details (seed, sample)
 * @param printed for finished: what the test printed (capped)
 */
record ChildEvent(String token, String type, String unit, String outcome, String message,
        Map<String, Object> details, String printed) {

    private static final Gson GSON = new Gson();

    static ChildEvent of(String token, String type, String unit) {
        return new ChildEvent(token, type, unit, null, null, null, null);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /** The event on this line, or null when the line is not an event of the run with this token. */
    static ChildEvent parse(String line, String token) {
        if (!line.startsWith("{") || !line.contains(token)) {
            return null;
        }
        try {
            ChildEvent e = GSON.fromJson(line, ChildEvent.class);
            return e != null && token.equals(e.token()) && e.type() != null ? e : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}

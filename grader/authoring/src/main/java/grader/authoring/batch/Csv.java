package grader.authoring.batch;

/** A CSV cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
public final class Csv {
    private Csv() {
    }

    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

package grader.notebook.jshell;

/**
 * A cell that could not run as written: a compile error, an incomplete statement, a wrong magic, or an error
 * (not an exception) it threw. Its message says what and on which line of the cell.
 */
public final class CellError extends RuntimeException {
    public CellError(String message) {
        super(message, null, false, false);
    }
}

package hw.cli;

/**
 * A mistake on the command line that only a command can see (a folder that already holds a run, an option that
 * {@code --resume} may not change, an unknown preset): printed as one line with exit status 2, never as a stack
 * trace. Mistakes picocli sees while parsing take the same way ({@link CommandLines}).
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

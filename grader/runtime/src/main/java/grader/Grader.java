package grader;

import grader.notebook.KernelCommand;
import grader.run.GradeCommand;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The grader's runtime command line, which a student's build and an autograder run: {@code grade} and
 * {@code kernel}. The instructor's verbs ({@code grader/kit}) include these and add the authoring ones.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, subcommands = {GradeCommand.class, KernelCommand.class},
        versionProvider = Grader.Version.class, description = "Grade a submission, or install the notebooks' kernel.")
public final class Grader implements java.util.concurrent.Callable<Integer> {
    private Grader() {
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command: the usage, and the status of a mistake on the command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Grader(), "grader").execute(args));
    }

    /** The grader's version, from its jar's manifest (a build from the classes folders has none). */
    public static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Grader.class.getPackage().getImplementationVersion();
            return new String[] {"grader " + (v == null ? "(built from source, no version)" : v)};
        }
    }

    /**
     * A command line that reports a command's failure as one line, "NAME VERB: message", and exits 2 — never with
     * a stack trace: a missing file, a malformed option value or a broken course.json is the user's to fix.
     */
    public static CommandLine commandLine(Object command, String name) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            String verb = line.getCommandName();
            boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException;
            line.getErr().println(name + (verb.equals(name) ? "" : " " + verb) + ": "
                    + (expected ? e.getMessage() : e));
            return 2;
        });
        return cl;
    }
}

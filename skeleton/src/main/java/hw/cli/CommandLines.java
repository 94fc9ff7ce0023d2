package hw.cli;

import hw.tensor.Precision;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every command line of the kit shares: its value types (whole numbers may group digits, 1_000_000 or
 * 1,000,000; float32 or float64), its exit statuses (0 done, 1 failed, 2 a mistake on the command line) and its
 * one-line error reports — never a stack trace, and a failure in the homework's code names the line of it that
 * threw.
 */
public final class CommandLines {
    private CommandLines() {
    }

    /** The parser of {@code command} (named {@code program} in messages) with the kit's types and reports. */
    public static CommandLine of(Object command, String program) {
        CommandLine cl = new CommandLine(command);
        cl.registerConverter(Integer.class, CommandLines::wholeNumber);
        cl.registerConverter(int.class, CommandLines::wholeNumber);
        cl.registerConverter(Long.class, CommandLines::longNumber);
        cl.registerConverter(long.class, CommandLines::longNumber);
        cl.registerConverter(Double.class, CommandLines::number);
        cl.registerConverter(double.class, CommandLines::number);
        cl.setParameterExceptionHandler((e, args) -> commandLineMistake(e, program));
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e));
        return cl;
    }

    /** A mistake picocli found while parsing: one line naming the option, and where the options are listed. */
    private static int commandLineMistake(ParameterException e, String program) {
        CommandLine where = e.getCommandLine();
        String command = where.getCommandSpec().qualifiedName(" ").replaceFirst("^" + program + " ?", "");
        String help = (command.isEmpty() ? "" : command + " ") + "--help";
        where.getErr().println("error: " + describe(e) + " (see " + help + ")");
        where.getErr().flush();
        return 2;
    }

    static String describe(ParameterException e) {
        // An unknown option is the mistake to report even when picocli stopped at another (a missing parameter
        // that the unknown option's value would have been).
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String first = unmatched.get(0);
            if (first.startsWith("-")) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                List<String> suggestions = new UnmatchedArgumentException(e.getCommandLine(), unmatched)
                        .getSuggestions();
                return "unknown option " + name + (suggestions.isEmpty() ? ""
                        : "; did you mean " + String.join(" or ", suggestions) + "?");
            }
            if (!e.getCommandLine().getSubcommands().isEmpty()) {
                return "unknown command '" + first + "'; the commands are "
                        + String.join(", ", e.getCommandLine().getSubcommands().keySet());
            }
            return "unexpected argument '" + first + "'";
        }
        if (e.getCause() instanceof TypeConversionException bad && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": " + bad.getMessage();
        }
        String message = e.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** A command stopped: a mistake it found (status 2), or the user's data or the student's code (status 1). */
    private static int failure(Exception e) {
        if (e instanceof UsageException) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        // The user's mistake or the student's unfinished code: the message says which; no harness frames.
        System.err.println("error: " + describeFailure(e));
        return 1;
    }

    private static String describeFailure(Throwable e) {
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("hw.") && !frame.getClassName().startsWith("hw.cli.")) {
                where = " (at " + frame.getClassName() + "." + frame.getMethodName() + ", " + frame.getFileName()
                        + ":" + frame.getLineNumber() + ")";
                break;
            }
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message + where;
    }

    /** A whole number; underscores or commas may group digits (1_000_000, 1,000,000). */
    public static Integer wholeNumber(String text) {
        long v = longNumber(text);
        if (v != (int) v) {
            throw new TypeConversionException("too large: " + text);
        }
        return (int) v;
    }

    public static Long longNumber(String text) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a whole number, got '" + text + "'");
        }
    }

    static Double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a number, got '" + text + "'");
        }
    }

    /** A floating-point type, float32 or float64 ({@link Precision}), by its canonical name. */
    public static final class DataTypeName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                return Precision.name(Precision.parse(text));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be float32 or float64, got '" + text + "'");
            }
        }
    }

    /** What {@code --version} prints: the kit's version (from its jar; none when built from source) and Java's. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CommandLines.class.getPackage().getImplementationVersion();
            return new String[] {"gpt-homework " + (version == null ? "(built from source)" : version) + ", Java "
                    + Runtime.version()};
        }
    }
}

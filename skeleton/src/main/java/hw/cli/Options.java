package hw.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line's {@code --name value} and {@code --flag} options, checked against what a command accepts so a
 * typo is an error that lists the valid options rather than a silently ignored setting. (Written by hand: a
 * dozen lines do not justify a dependency the kit would have to ship to every student.)
 */
final class Options {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args}: each option is {@code --name value}, {@code --name=value}, or a bare {@code --flag}
     * when its name is in {@code flags}.
     */
    static Options parse(String command, String[] args, Set<String> valued, Set<String> flags) {
        Options out = new Options(command);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(command + ": unexpected argument '" + arg
                        + "'; options look like --name value");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " is a flag and takes no value");
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new UsageException(command + ": unknown option --" + name + "; known: --"
                        + String.join(", --", known));
            }
            if (out.values.put(name, value) != null) {
                throw new UsageException(command + ": --" + name + " is given twice");
            }
        }
        return out;
    }

    /** Whether the option was given (for a flag: whether it is on). */
    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        long v = longInteger(name, fallback);
        if (v != (int) v) {
            throw new UsageException(command + ": --" + name + " is too large: " + v);
        }
        return (int) v;
    }

    long longInteger(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " needs a whole number, got '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " needs a number, got '" + v + "'");
        }
    }

    /** A floating-point type, float32 or float64 ({@link hw.tensor.Precision}), by its canonical name. */
    String dtype(String name, String fallback) {
        try {
            return hw.tensor.Precision.name(hw.tensor.Precision.parse(text(name, fallback)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --" + name + ": " + e.getMessage());
        }
    }

    /** A mistake on the command line: printed as one line with the usage, never as a stack trace. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package hw.cli;

import hw.tensor.Precision;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The command line: train a GPT on an embedded corpus, sample from it, evaluate it.
 *
 * <pre>
 *     train  [--preset tiny] [--run runs/tiny] [--resume] [options]   train and save a run folder
 *     sample [--run runs/tiny] [--prompt TEXT] [--compare] [options]   print text from a trained run
 *     eval   [--run runs/tiny] [options]                              validation loss and perplexity
 *     bleu   HYP REF [REF...]                                         corpus BLEU, as sacreBLEU prints it
 *     translate train|eval|--text …                                   a German→English translator
 *     bench  [--rows train,naive,cached] [options]                     speed next to PyTorch's
 * </pre>
 *
 * Each command's {@code --help} lists its options. From the repository's root, through Maven:
 * {@code mvn -q -pl reference compile exec:exec -Dgpt="train --preset tiny"}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs one command and exits with its status. On a CPU that ND4J's OpenBLAS does not know, the command runs in
     * a second JVM that names OpenBLAS's kernel ({@link BlasKernel}), since only a new process can; the JVM that
     * runs the command multiplies with the system's OpenBLAS when that is newer than ND4J's ({@link BlasLibrary}).
     */
    public static void main(String[] args) {
        OptionalInt relaunched = BlasKernel.relaunch(Main.class, args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        BlasLibrary.useSystemOpenBlas(); // before anything loads ND4J
        System.exit(run(args));
    }

    /** Runs one command; returns the exit status (0 done, 1 failed, 2 a mistake on the command line). */
    static int run(String[] args) {
        Locale.setDefault(Locale.ROOT); // numbers print with a decimal point everywhere
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // A command sets the run's floating-point type for itself (hw.tensor.Precision); this scope restores it.
        try (Precision.Scope ignored = Precision.use(Precision.current())) {
            switch (args[0]) {
                case "train" -> TrainCommand.run(rest);
                case "sample" -> SampleCommand.run(rest);
                case "eval" -> EvalCommand.run(rest);
                case "bleu" -> BleuCommand.run(rest);
                case "translate" -> TranslateCommand.run(rest);
                case "bench" -> BenchCommand.run(rest);
                default -> throw new Options.UsageException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (Options.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("(run with --help for the commands and their options)");
            return 2;
        } catch (RuntimeException e) {
            // The user's mistake or the student's unfinished code: the message says which; no harness frames.
            System.err.println("error: " + describe(e));
            return 1;
        }
    }

    private static String describe(Throwable e) {
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

    static String usage() {
        return """
                gpt — train a small GPT on an embedded corpus, then sample from it

                  train  [--preset NAME] [--run DIR] [--resume] [...]   train; writes DIR (default runs/NAME)
                  sample [--run DIR] [--prompt TEXT] [--compare] [...]  print text from a trained run
                  eval   [--run DIR] [...]                              loss and perplexity on held-out text
                  bleu   HYP REF [REF ...]                              corpus BLEU of a translation (sacreBLEU's)
                  translate train|eval|--text ...                       German→English (`translate --help`)
                  bench  [--rows train,naive,cached] [...]              training and sampling speed, PyTorch's beside

                presets:
                """ + Preset.describeAll() + """


                `COMMAND --help` lists a command's options.""";
    }
}

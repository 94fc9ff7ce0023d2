package hw.cli;

import hw.tensor.NativeMemory;
import hw.tensor.Precision;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: train a GPT on an embedded corpus, sample from it, evaluate it, score and train translations.
 *
 * <pre>
 *     train  [--preset tiny] [--run runs/tiny] [--resume] [options]   train and save a run folder
 *     sample [--run runs/tiny] [--prompt TEXT] [--compare] [options]   print text from a trained run
 *     eval   [--run runs/tiny] [options]                              validation loss and perplexity
 *     bleu   HYP REF [REF...]                                         corpus BLEU, as sacreBLEU prints it
 *     translate train|eval|--text …                                   a German→English translator
 * </pre>
 *
 * Each command's {@code --help} lists its options (picocli parses them). From the repository's root, through
 * Maven: {@code mvn -q -pl reference compile exec:exec -Dgpt="train --preset tiny"}.
 */
@Command(name = "gpt", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        description = "Train a small GPT on an embedded corpus, then sample from it.",
        subcommands = {TrainCommand.class, SampleCommand.class, EvalCommand.class, BleuCommand.class,
            TranslateCommand.class},
        footerHeading = "%nPresets of train (train --help lists its options):%n")
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /**
     * Runs one command and exits with its status. ND4J checks every operation's arrays against the memory scopes
     * of the training steps (hw.tensor.NativeMemory) for the first three steps only (the first runs without a
     * scope), where a module that keeps an array from one step to the next fails loudly, and then runs without its
     * checks. Tests and grading, which never come through here, keep the checks on.
     */
    public static void main(String[] args) {
        NativeMemory.checkFirstScopesOnly(3);
        System.exit(run(args));
    }

    /** Runs one command; returns the exit status (0 done, 1 failed, 2 a mistake on the command line). */
    static int run(String[] args) {
        Locale.setDefault(Locale.ROOT); // numbers print with a decimal point everywhere
        // A command sets the run's floating-point type for itself (hw.tensor.Precision); this scope restores it.
        try (Precision.Scope ignored = Precision.use(Precision.current())) {
            return commandLine().execute(args);
        }
    }

    /** The parser: the kit's value types and one-line reports ({@link CommandLines}), the presets in the help. */
    static CommandLine commandLine() {
        CommandLine cl = CommandLines.of(new Main(), "gpt");
        // The presets' descriptions come from their records, so they are added here rather than in annotations.
        String presets = table(Preset.descriptions()), translatePresets = table(TranslatePreset.descriptions());
        cl.getCommandSpec().usageMessage().footer(presets);
        cl.getSubcommands().get("train").getCommandSpec().usageMessage().footer(presets);
        cl.getSubcommands().get("translate").getCommandSpec().usageMessage().footer(translatePresets);
        return cl;
    }

    /** Names and their descriptions in two columns, the descriptions wrapped, as picocli lays out options. */
    private static String table(Map<String, String> rows) {
        Help.TextTable table = Help.TextTable.forColumns(Help.defaultColorScheme(Help.Ansi.OFF),
                new Help.Column(12, 2, Help.Column.Overflow.SPAN), new Help.Column(68, 1, Help.Column.Overflow.WRAP));
        rows.forEach(table::addRowValues);
        return table.toString();
    }

    /** {@code gpt} without a command: the usage, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}

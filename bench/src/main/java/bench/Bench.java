package bench;

import hw.cli.CommandLines;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The instructor's benchmarks, from the repository's root: {@code bench/run [options]} times the kit's training
 * and sampling next to PyTorch's ({@link BenchCommand}); {@code bench/run bleu [TOKENS]} times corpus BLEU
 * ({@link BleuBenchmark}). {@code --help} lists the options. Exit status 0 done, 1 failed, 2 a mistake on the
 * command line (the homework's conventions: {@link CommandLines}).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Locale.setDefault(Locale.ROOT); // numbers print with a decimal point everywhere
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return CommandLines.of(new BenchCommand(), "bench");
    }
}

package grader.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import grader.Grader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb of {@code grader/kit}, and the kit itself, answers {@code --help} with its usage and status 0. */
class KitHelpTest {
    private static String help(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine kit = Grader.commandLine(new Kit(), "kit");
        kit.setOut(new PrintWriter(out, true));
        kit.setErr(new PrintWriter(err, true));
        int status = kit.execute(args);
        assertThat(status).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    @Test
    void theKitListsEveryVerb() {
        Set<String> verbs = new CommandLine(new Kit()).getSubcommands().keySet();
        assertThat(verbs).contains("grade", "batch", "release", "gradescope", "classroom");
        String usage = help("--help");
        assertThat(usage).startsWith("Usage: kit");
        verbs.forEach(verb -> assertThat(usage).as(verb).contains(verb));
    }

    @Test
    void everyVerbAnswersHelp() {
        for (String verb : new CommandLine(new Kit()).getSubcommands().keySet()) {
            assertThat(help(verb, "--help")).as(verb).startsWith("Usage: kit " + verb).contains("--help");
        }
    }
}

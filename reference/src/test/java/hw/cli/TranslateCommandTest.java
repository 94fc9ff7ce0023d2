package hw.cli;

import static hw.cli.Ran.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {
    private static final String[] TINY = {"--epochs", "1", "--max-pairs", "64", "--batch-size", "8", "--block-size",
        "64", "--layers", "1", "--heads", "1", "--width", "16", "--vocab", "300", "--eval-sentences", "4"};

    private static String[] with(String[] first, String... more) {
        String[] out = new String[first.length + more.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    @Test
    void trainsEvaluatesAndTranslatesOnTheEmbeddedTask(@TempDir Path tmp) {
        String dir = tmp.resolve("run").toString();
        Ran train = run(with(new String[] {"translate", "train", "--run", dir}, TINY));
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("embedded numbers", "step 8/8", "step 8 (epoch 1.00", "BLEU = ");
        for (String file : new String[] {"translate.json", "tokenizer.json", "model.state", "losses.csv", "bleu.csv",
            "hypotheses-step-8.txt", "checkpoint"}) {
            assertThat(tmp.resolve("run").resolve(file)).exists();
        }

        Ran eval = run("translate", "eval", "--run", dir, "--max-sentences", "5");
        assertThat(eval.status()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("5 test sentences translated", "BLEU = ", "hyp_len");
        assertThat(tmp.resolve("run").resolve("hypotheses.test.txt")).exists();

        Ran text = run("translate", "--run", dir, "--text", "Wir essen um halb acht.");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).isNotNull();

        Ran again = run(with(new String[] {"translate", "train", "--run", dir}, TINY));
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a translation run");
    }

    @Test
    void readsMulti30ksLayoutWithData(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        StringBuilder de = new StringBuilder(), en = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            de.append("Ein Hund läuft ").append(i % 4 == 0 ? "schnell" : "langsam").append(".\n");
            en.append("A dog runs ").append(i % 4 == 0 ? "fast" : "slowly").append(".\n");
        }
        for (String split : new String[] {"train", "val", "test_2016_flickr"}) {
            gz(data.resolve(split + ".de.gz"), de.toString());
            gz(data.resolve(split + ".en.gz"), en.toString());
        }
        String dir = tmp.resolve("run").toString();
        Ran train = run(with(new String[] {"translate", "train", "--data", data.toString(), "--run", dir}, TINY));
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("Multi30k layout", "16 training pairs", "BLEU = ");
        Ran eval = run("translate", "eval", "--run", dir, "--split", "val");
        assertThat(eval.status()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("16 val sentences", "BLEU = ");
    }

    private static void gz(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void mistakesAreOneLineErrors(@TempDir Path tmp) {
        assertThat(run("translate", "--help").out()).contains("train", "eval", "--text", "numbers", "multi30k");
        Ran noText = run("translate");
        assertThat(noText.status()).isEqualTo(2);
        assertThat(noText.err()).contains("say train, eval, or --text");
        assertThat(run("translate", "train", "--epoks", "2").err()).contains("unknown option --epoks", "--epochs");
        assertThat(run("translate", "train", "--epochs", "0", "--run", tmp.resolve("r").toString()).err())
                .contains("--epochs must be at least 1");
        assertThat(run("translate", "train", "--preset", "huge").err()).contains("unknown translate preset 'huge'");
        Ran noData = run("translate", "train", "--data", tmp.resolve("nowhere").toString(), "--run",
                tmp.resolve("r").toString());
        assertThat(noData.status()).isEqualTo(2);
        assertThat(noData.err()).contains("--data:", "not a directory");
        Ran noRunGiven = run("translate", "eval");
        assertThat(noRunGiven.status()).isEqualTo(2);
        assertThat(noRunGiven.err()).contains("missing required option", "--run");
        Ran noRun = run("translate", "eval", "--run", tmp.resolve("missing").toString());
        assertThat(noRun.status()).isEqualTo(2);
        assertThat(noRun.err()).contains("no trained translator in");
        assertThat(run("translate", "--text", "Hund", "--run", tmp.resolve("missing").toString()).err())
                .contains("no trained translator in");
        for (Ran r : new Ran[] {noText, noData, noRun}) {
            assertThat(r.err().strip().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
        }
    }
}

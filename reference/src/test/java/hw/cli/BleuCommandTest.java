package hw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bleu} command: sacreBLEU's output for good files, one clear line for bad ones. */
class BleuCommandTest {
    private static final String README_BLEU =
            "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)";

    private record Ran(int status, String out, String err) {
    }

    private static Ran bleu(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "bleu";
            System.arraycopy(args, 0, all, 1, args.length);
            int status = Main.run(all);
            return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String file(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void printsWhatSacrebleuPrintsForItsReadmeExample(@TempDir Path tmp) throws Exception {
        String hyp = file(tmp, "hyp.txt", "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n");
        String ref1 = file(tmp, "ref1.txt", "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n");
        String ref2 = file(tmp, "ref2.txt",
                "The dog had bit the man.\r\nNo one was surprised.\r\nThe man had bitten the dog."); // CRLF, no last \n
        Ran ran = bleu(hyp, ref1, ref2);
        assertThat(ran.status()).as(ran.err()).isZero();
        assertThat(ran.out()).isEqualTo(README_BLEU + System.lineSeparator());
    }

    @Test
    void readsGzipAndUnicode(@TempDir Path tmp) throws Exception {
        Path gz = tmp.resolve("ref.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("„Ein Hund läuft“ über die Straße.\n".getBytes(StandardCharsets.UTF_8));
        }
        String hyp = file(tmp, "hyp.txt", "„Ein Hund läuft“ über die Straße.\n");
        Ran ran = bleu(hyp, gz.toString());
        assertThat(ran.status()).as(ran.err()).isZero();
        assertThat(ran.out()).startsWith("BLEU = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 7 ref_len = 7)"); // „Ein Hund läuft“ über die Straße .
    }

    @Test
    void linesThatDifferNameBothFilesAndCounts(@TempDir Path tmp) throws Exception {
        String hyp = file(tmp, "hyp.txt", "a\nb\nc\n");
        String ref = file(tmp, "ref.txt", "a\nb\n");
        Ran ran = bleu(hyp, ref);
        assertThat(ran.status()).isEqualTo(1);
        assertThat(ran.err().lines().toList()).hasSize(1);
        assertThat(ran.err()).contains("ref.txt has 2 lines", "hyp.txt has 3");
    }

    @Test
    void missingEmptyAndUnreadableFilesAreOneLineErrors(@TempDir Path tmp) throws Exception {
        String ref = file(tmp, "ref.txt", "a\n");
        Ran missing = bleu(tmp.resolve("nope.txt").toString(), ref);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file", "nope.txt");
        Ran missingRef = bleu(ref, tmp.resolve("gone.txt").toString());
        assertThat(missingRef.err()).contains("no such file", "gone.txt");

        Ran empty = bleu(file(tmp, "empty.txt", ""), ref);
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.err()).contains("empty.txt is empty");

        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'S', 't', 'r', 'a', (byte) 0xDF, 'e', '\n'});
        Ran invalid = bleu(latin1.toString(), ref);
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.err()).contains("latin1.txt is not valid UTF-8");

        Ran folder = bleu(tmp.toString(), ref);
        assertThat(folder.err()).contains("is a folder");
        for (Ran r : List.of(missing, missingRef, empty, invalid, folder)) {
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        }
    }

    @Test
    void usageMistakes(@TempDir Path tmp) throws Exception {
        assertThat(bleu().status()).isEqualTo(2);
        Ran oneFile = bleu(file(tmp, "h.txt", "a\n"));
        assertThat(oneFile.status()).isEqualTo(2);
        assertThat(oneFile.err()).contains("missing", "REF");
        assertThat(bleu("--fast", "a", "b").err()).contains("unknown option --fast");
        assertThat(bleu("--benchmark", "5").err()).as("the benchmark is the instructor's bench bleu now")
                .contains("unknown option --benchmark");
        assertThat(bleu("--help").out()).contains("bleu", "HYP", "REF...", "sacreBLEU");
    }

    @Test
    void emptyLinesAreSentencesAndATrailingNewlineIsNot(@TempDir Path tmp) throws Exception {
        assertThat(BleuCommand.lines(file(tmp, "a.txt", "x\n\ny\n"))).containsExactly("x", "", "y");
        assertThat(BleuCommand.lines(file(tmp, "b.txt", "x\n\ny"))).containsExactly("x", "", "y");
        assertThat(BleuCommand.lines(file(tmp, "c.txt", "\n"))).containsExactly("");
        assertThat(BleuCommand.lines(file(tmp, "d.txt", ""))).isEmpty();
    }
}

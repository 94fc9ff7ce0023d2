package hw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {

    static void gz(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void multi30k(Path dir) throws IOException {
        gz(dir.resolve("train.de.gz"), "Ein Hund läuft.\nZwei Männer.\n");
        gz(dir.resolve("train.en.gz"), "A dog runs.\nTwo men.\n");
        gz(dir.resolve("val.de.gz"), "Eine Frau.\n");
        gz(dir.resolve("val.en.gz"), "A woman.\n");
        Files.writeString(dir.resolve("test_2016_flickr.de"), "Ein Kind.\n");
        Files.writeString(dir.resolve("test_2016_flickr.en"), "A child.\n");
    }

    @Test
    void readsMulti30ksLayout(@TempDir Path dir) throws IOException {
        multi30k(dir);
        ParallelCorpus c = ParallelCorpus.read(dir);
        assertThat(c.train()).containsExactly(new TranslationPair("Ein Hund läuft.", "A dog runs."),
                new TranslationPair("Zwei Männer.", "Two men."));
        assertThat(c.validation()).containsExactly(new TranslationPair("Eine Frau.", "A woman."));
        assertThat(c.test()).containsExactly(new TranslationPair("Ein Kind.", "A child."));
    }

    @Test
    void missingFilesAndUnequalLengthsAreClearErrors(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ParallelCorpus.read(dir.resolve("nothing"))).hasMessageContaining("not a directory");
        multi30k(dir);
        Files.delete(dir.resolve("val.en.gz"));
        assertThatThrownBy(() -> ParallelCorpus.read(dir)).hasMessageContaining("val.en.gz is missing");
        gz(dir.resolve("val.en.gz"), "A woman.\nA man.\n");
        assertThatThrownBy(() -> ParallelCorpus.read(dir)).hasMessageContaining("has 1 lines but")
                .hasMessageContaining("has 2");
    }
}

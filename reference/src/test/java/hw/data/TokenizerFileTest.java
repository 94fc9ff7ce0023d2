package hw.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokenizer.load on files that are not tokenizers: every case a clear error naming the file and the problem. */
class TokenizerFileTest {

    @Test
    void malformedFilesAreClearErrors(@TempDir Path dir) throws Exception {
        expect(dir, "not json {", "not a tokenizer file (not a JSON object");
        expect(dir, "[1, 2]", "not a JSON object");
        expect(dir, "{\"characters\": \"ab\"}", "\"kind\" is missing, expected \"char\" or \"bpe\"");
        expect(dir, "{\"kind\": \"word\"}", "\"kind\" is \"word\"");
        expect(dir, "{\"kind\": \"char\"}", "no \"characters\" string");
        expect(dir, "{\"kind\": \"char\", \"characters\": \"\"}", "\"characters\" is empty");
        expect(dir, "{\"kind\": \"char\", \"characters\": \"ba\"}", "sorted");
        expect(dir, "{\"kind\": \"bpe\", \"r50k_ids\": [1]}", "\"encoding\" is missing");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"cl100k_base\", \"r50k_ids\": [1]}", "\"cl100k_base\"");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"r50k_base\"}", "no \"r50k_ids\" list");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"r50k_base\", \"r50k_ids\": [5, 3]}", "element 1 is 3");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"r50k_base\", \"r50k_ids\": [60000]}", "element 0 is 60000");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"r50k_base\", \"r50k_ids\": [\"x\"]}", "valid bpe tokenizer");
        expect(dir, "{\"kind\": \"bpe\", \"encoding\": \"r50k_base\", \"r50k_ids\": []}", "empty");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Tokenizer.load(dir.resolve("none.json"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no such tokenizer file").hasMessageContaining("none.json");
    }

    private static void expect(Path dir, String content, String message) throws Exception {
        Path file = Files.createTempFile(dir, "tokenizer", ".json");
        Files.writeString(file, content);
        assertThatThrownBy(() -> Tokenizer.load(file)).as(content).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.getFileName().toString()).hasMessageContaining(message);
    }
}

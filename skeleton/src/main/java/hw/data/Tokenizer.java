package hw.data;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Text ↔ token ids 0 … V−1. Two kinds: {@link CharTokenizer} (one id per character) and {@link BpeTokenizer}
 * (GPT-2's byte-pair encoding, re-indexed to the tokens a text uses). Both are fitted on a text, and both are saved
 * with the model, since a model is only meaningful with the ids it was trained on.
 */
public interface Tokenizer {

    /** The ids of a text; a character (or token) the vocabulary lacks is an error that names it and its position. */
    int[] encode(String text);

    /** The text of ids; an id outside [0, V) is an error. */
    String decode(int[] ids);

    /** V, the number of ids. */
    int vocabSize();

    /** {@code "char"} or {@code "bpe"}. */
    String kind();

    /** Writes this tokenizer to a JSON file ({@link #load} reads it back); I/O errors are unchecked. */
    void save(Path file);

    /** Reads a tokenizer written by {@link #save}; a missing file or one that is not such JSON is a clear error. */
    static Tokenizer load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Tokenizer: no such tokenizer file: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Tokenizer: cannot read " + file + ": " + e, e);
        }
        JsonObject json;
        try {
            json = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("Tokenizer: " + file + " is not a tokenizer file (not a JSON object: "
                    + e.getMessage() + ")", e);
        }
        String kind = json.has("kind") && json.get("kind").isJsonPrimitive() ? json.get("kind").getAsString() : null;
        try {
            if ("char".equals(kind)) {
                return CharTokenizer.fromJson(json);
            }
            if ("bpe".equals(kind)) {
                return BpeTokenizer.fromJson(json);
            }
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                | ClassCastException e) {
            throw new IllegalArgumentException("Tokenizer: " + file + " is not a valid " + kind + " tokenizer file: "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("Tokenizer: " + file + " is not a tokenizer file: its \"kind\" is "
                + (kind == null ? "missing" : "\"" + kind + "\"") + ", expected \"char\" or \"bpe\"");
    }
}

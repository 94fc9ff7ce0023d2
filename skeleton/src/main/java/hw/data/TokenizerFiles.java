package hw.data;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the tokenizers share: writing their JSON file, and showing a character in an error message. */
final class TokenizerFiles {
    private TokenizerFiles() {
    }

    /** Writes a tokenizer's JSON (used by the implementations' save). */
    static void write(Path file, JsonObject json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json.toString() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Tokenizer: cannot write " + file + ": " + e, e);
        }
    }

    /** How a character shows in an error message: itself in quotes, and its code point (U+00E9). */
    static String describe(int codePoint) {
        String shown = switch (codePoint) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> Character.isISOControl(codePoint) ? "" : new String(Character.toChars(codePoint));
        };
        return (shown.isEmpty() ? "" : "'" + shown + "' ") + String.format("(U+%04X)", codePoint);
    }
}

package grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes results.json. A write replaces the file atomically, so a reader never sees half of one. */
public final class ResultsJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private ResultsJson() {
    }

    public static String toJson(Results results) {
        return GSON.toJson(results);
    }

    public static void write(Path file, Results results) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, toJson(results), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Results read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            com.google.gson.JsonElement tree = com.google.gson.JsonParser.parseString(text);
            if (!tree.isJsonObject() || !tree.getAsJsonObject().has("tests")) {
                throw new IllegalArgumentException(file + " is not a results.json: it has no tests[]");
            }
            Results results = GSON.fromJson(tree, Results.class);
            if (results == null || results.tests == null) {
                throw new IllegalArgumentException(file + " is not a results.json: it has no tests[]");
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}

package grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import grader.io.FileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        FileOps.writeAtomically(file, toJson(results));
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

package grader.tools;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's settings, {@code course.json} at the homework's root (optional; every setting off by default):
 * <pre>
 * { "leaderboard": true }    add Gradescope's leaderboard to results.json (measurements of the student's code)
 * </pre>
 */
record CourseConfig(boolean leaderboard) {
    static final String FILE = "course.json";

    static CourseConfig of(Layout layout) {
        Path file = layout.root().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new CourseConfig(false);
        }
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!tree.isJsonObject()) {
                throw new IllegalArgumentException(file + " must hold a JSON object such as {\"leaderboard\": true}");
            }
            JsonObject o = tree.getAsJsonObject();
            JsonElement board = o.get("leaderboard");
            if (board != null && !(board.isJsonPrimitive() && board.getAsJsonPrimitive().isBoolean())) {
                throw new IllegalArgumentException(file + ": \"leaderboard\" is true or false, not " + board);
            }
            return new CourseConfig(board != null && board.getAsBoolean());
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}

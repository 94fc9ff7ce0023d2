package grader.authoring.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch's deadline and its per-student extensions. The deadline is an ISO date and time, with an offset
 * ({@code 2025-05-01T23:59+02:00}) or in the given zone ({@code 2025-05-01T23:59}, or {@code 2025-05-01 23:59}); a
 * date alone means the end of that day. The extensions file is a CSV of {@code submission,deadline} rows, the
 * deadline being a date and time as above or an extension of the class deadline ({@code +2d}, {@code +36h},
 * {@code +90m}); a header row and blank lines are allowed.
 */
public record Deadlines(OffsetDateTime classDeadline, Map<String, OffsetDateTime> extended) {
    private static final Pattern EXTENSION = Pattern.compile("\\+\\s*(\\d+)\\s*([dhm])");

    /** The deadline of one submission (by its name in the batch). */
    public OffsetDateTime of(String submission) {
        return extended.getOrDefault(submission, classDeadline);
    }

    /**
     * @param deadline   the class deadline, as above
     * @param extensions the CSV of extensions, or null
     * @param zone       the zone of a date and time without an offset
     * @throws IllegalArgumentException naming the bad value, the file and its line
     */
    public static Deadlines parse(String deadline, Path extensions, ZoneId zone) {
        OffsetDateTime base = dateTime(deadline, zone, "--deadline");
        Map<String, OffsetDateTime> extended = new LinkedHashMap<>();
        if (extensions == null) {
            return new Deadlines(base, extended);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(extensions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extensions " + extensions + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("submission,")) {
                continue;
            }
            String where = extensions.getFileName() + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IllegalArgumentException(where + ": expected 'submission,deadline', got: " + line);
            }
            String name = unquote(cells[0]);
            if (extended.containsKey(name)) {
                throw new IllegalArgumentException(where + ": " + name + " has a second extension");
            }
            String value = unquote(cells[1]);
            Matcher m = EXTENSION.matcher(value);
            extended.put(name, m.matches() ? base.plus(Duration.of(Long.parseLong(m.group(1)), switch (m.group(2)) {
                case "d" -> java.time.temporal.ChronoUnit.DAYS;
                case "h" -> java.time.temporal.ChronoUnit.HOURS;
                default -> java.time.temporal.ChronoUnit.MINUTES;
            })) : dateTime(value, zone, where));
        }
        return new Deadlines(base, extended);
    }

    /** Fails, naming them, when the extensions name submissions the batch does not have (a typo loses a grade). */
    public void checkNames(Set<String> submissions) {
        List<String> unknown = extended.keySet().stream().filter(n -> !submissions.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the extensions name submissions that are not in the batch: "
                    + String.join(", ", unknown));
        }
    }

    private static OffsetDateTime dateTime(String text, ZoneId zone, String where) {
        String t = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atTime(23, 59, 59).atZone(zone).toOffsetDateTime();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(where + ": '" + text + "' is not a date and time such as"
                            + " 2025-05-01T23:59 or 2025-05-01T23:59+02:00" + (where.equals("--deadline") ? ""
                                    : ", nor an extension such as +2d, +36h or +90m"));
                }
            }
        }
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
    }
}

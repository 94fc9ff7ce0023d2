package grader.authoring.verify;

import grader.authoring.mutation.EquivalentMutants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One entry of the catalogue of known mistakes ({@code tests/mistakes/*.txt}): a small text file an instructor
 * writes without Java.
 *
 * <pre>
 * kind: mistake                      (or: alternative — a correct solution written differently; it must keep full marks)
 * problem: 6.1                       the TODO that must lose points (a whole problem, "6", also works)
 * file: hw/optim/Adam.java           the reference file to edit, by package path
 * misconception: one sentence on what the student believes
 * symptom: without bias correction   (optional) words a failing test's message should contain
 * find: double stepSize = learningRate() * Math.sqrt(vCorrection) / uCorrection;
 * replace: double stepSize = learningRate();
 * </pre>
 *
 * {@code find}/{@code replace} pairs may repeat; a value of {@code |} starts a block of the following lines
 * indented by four spaces. {@code find} is matched with any run of white space standing for any other, and must
 * occur exactly once in the file. {@code tests: AdamTest} (optional) grades only that test class.
 */
public record MistakeEntry(String name, boolean alternative, String problem, String file, String misconception,
        String symptom, String tests, List<String[]> edits) {
    private static final Pattern KEY = Pattern.compile("^([a-z]+):\\s?(.*)$");

    int problemNumber() {
        return Integer.parseInt(problem.replaceFirst("\\..*", ""));
    }

    /** The catalogue's entry files in {@code catalogue}, sorted: every {@code .txt} but the equivalent mutants'. */
    public static List<Path> files(Path catalogue) throws IOException {
        try (Stream<Path> files = Files.list(catalogue)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")
                    && !p.getFileName().toString().equals(EquivalentMutants.FILE_NAME)).sorted().toList();
        }
    }

    public static MistakeEntry read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        Map<String, String> fields = new LinkedHashMap<>();
        List<String[]> edits = new ArrayList<>();
        String find = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": expected 'key: value', got: "
                        + line);
            }
            String key = m.group(1);
            String value = m.group(2).strip();
            if (value.equals("|")) {
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).startsWith("    ") || lines.get(i + 1).isBlank())) {
                    block.append(lines.get(++i).replaceFirst("^    ", "")).append('\n');
                }
                value = block.toString().stripTrailing();
            }
            switch (key) {
                case "find" -> {
                    if (find != null) {
                        throw new IllegalArgumentException(file.getFileName() + ": a find without its replace");
                    }
                    find = value;
                }
                case "replace" -> {
                    if (find == null) {
                        throw new IllegalArgumentException(file.getFileName() + ": a replace without a find before it");
                    }
                    edits.add(new String[] {find, value});
                    find = null;
                }
                case "kind", "problem", "file", "misconception", "symptom", "tests" -> fields.put(key, value);
                default -> throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": unknown key '"
                        + key + "' (known: kind, problem, file, misconception, symptom, tests, find, replace)");
            }
        }
        for (String required : List.of("kind", "problem", "file", "misconception")) {
            if (!fields.containsKey(required) || fields.get(required).isBlank()) {
                throw new IllegalArgumentException(file.getFileName() + ": '" + required + ":' is missing");
            }
        }
        String kind = fields.get("kind");
        if (!kind.equals("mistake") && !kind.equals("alternative")) {
            throw new IllegalArgumentException(file.getFileName() + ": kind is 'mistake' or 'alternative', not '" + kind
                    + "'");
        }
        if (!fields.get("problem").matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(file.getFileName() + ": problem is a TODO such as 6.1 or a problem such"
                    + " as 6, not '" + fields.get("problem") + "'");
        }
        if (find != null || edits.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + ": needs find/replace pairs");
        }
        return new MistakeEntry(name, kind.equals("alternative"), fields.get("problem"), fields.get("file"),
                fields.get("misconception"), fields.get("symptom"), fields.get("tests"), edits);
    }

    /** The reference source with the edits made; each find must occur exactly once. */
    public String apply(String source) {
        String out = source;
        for (String[] edit : edits) {
            String[] words = edit[0].strip().split("\\s+");
            StringBuilder regex = new StringBuilder();
            for (String w : words) {
                regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(w));
            }
            Matcher m = Pattern.compile(regex.toString()).matcher(out);
            List<int[]> hits = new ArrayList<>();
            while (m.find()) {
                hits.add(new int[] {m.start(), m.end()});
            }
            if (hits.size() != 1) {
                throw new IllegalArgumentException(name + ": 'find: " + abbreviate(edit[0]) + "' occurs " + hits.size()
                        + " times in " + file + " (it must occur once: make it longer, or fix it after a change)");
            }
            out = out.substring(0, hits.get(0)[0]) + edit[1] + out.substring(hits.get(0)[1]);
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 59) + "…";
    }
}

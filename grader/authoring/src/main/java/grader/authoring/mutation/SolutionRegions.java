package grader.authoring.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The solution regions of the reference, {@code // BEGIN SOLUTION Problem X.Y (Label)} … {@code // END SOLUTION}:
 * the only code whose mutants count, since everything else is provided to the student.
 */
public final class SolutionRegions {
    private static final Pattern BEGIN = Pattern.compile("^\\s*// BEGIN SOLUTION Problem (\\d+\\.\\d+) \\((.*)\\)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\b.*$");

    /** The system property that names the regions' file in PIT's JVM ({@link RegionFilterFactory}). */
    static final String FILTER_PROPERTY = "gpthw.mutation.regions";

    private SolutionRegions() {
    }

    /**
     * One region: its lines lie strictly between the markers.
     *
     * @param file  the source file by package path ({@code hw/optim/Adam.java})
     * @param todo  the TODO it answers ({@code 6.1})
     * @param label what the student writes ({@code Adam.step})
     * @param first the first line after BEGIN (1-based)
     * @param last  the last line before END
     */
    public record Region(String file, String todo, String label, int first, int last) {
        /** The top-level class the file declares ({@code hw.optim.Adam}). */
        public String className() {
            return file.replaceFirst("\\.java$", "").replace('/', '.');
        }

        public boolean holds(String sourceFile, int line) {
            return file.equals(sourceFile) && line >= first && line <= last;
        }
    }

    /** Every region under a source root ({@code reference/src/main/java}), in file and line order. */
    public static List<Region> scan(Path sourceRoot) {
        List<Region> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = sourceRoot.relativize(f).toString().replace('\\', '/');
                regions.addAll(scan(rel, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceRoot + ": " + e.getMessage(), e);
        }
        return regions;
    }

    /** Writes regions for PIT's filter: one {@code hw/optim/Adam.java 95 110} a line (file, first and last line). */
    static void writeFilter(List<Region> regions, Path file) throws IOException {
        StringBuilder s = new StringBuilder();
        regions.forEach(r -> s.append(r.file()).append(' ').append(r.first()).append(' ').append(r.last()).append('\n'));
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    /** The regions {@link #writeFilter} wrote (without TODOs or labels, which the filter does not need). */
    static List<Region> readFilter(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.strip().split("\\s+");
                return new Region(f[0], "", "", Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Region> scan(String file, List<String> lines) {
        List<Region> regions = new ArrayList<>();
        Matcher open = null;
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (begin.matches()) {
                open = begin;
                openedAt = i + 1;
            } else if (open != null && END.matcher(lines.get(i)).matches()) {
                regions.add(new Region(file, open.group(1), open.group(2), openedAt + 1, i));
                open = null;
            }
        }
        return regions;
    }
}

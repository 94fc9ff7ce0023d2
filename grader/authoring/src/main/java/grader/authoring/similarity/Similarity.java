package grader.authoring.similarity;

import grader.authoring.batch.Csv;
import grader.course.Layout;
import grader.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code grader/kit similarity}: JPlag over the students' solutions only ({@link SolutionRegions}), with the
 * skeleton's TODO methods as JPlag's base code, in a Java 21+ JVM of its own ({@link JavaRuntimes}; JPlag's classes
 * cannot be compiled against by the kit's javac 17, so a small runner is launched as a source file). Writes JPlag's
 * report ({@code jplag-report.zip}, for JPlag's report viewer), every pair with its similarity
 * ({@code all-pairs.csv}) and the pairs at or above the threshold ({@code similar-pairs.csv}, also printed).
 */
public final class Similarity {
    /** JPlag needs Java 21 or newer. */
    static final int JAVA = 21;
    private static final String RUNNER = "JPlagRunner.java";

    /** A compared pair: JPlag's average similarity (matched tokens over both), and its maximal one. */
    public record Pair(String first, String second, double similarity, double maximal, int matchedTokens) {
    }

    /**
     * @param submissions a folder of submissions (each a folder or a zip), as {@code batch} takes
     * @param threshold   the similarity (0–1, JPlag's average) from which a pair is listed
     * @param minTokens   JPlag's minimum match length in tokens
     * @param java        a JDK 21+ to use, or null to find one
     * @return every pair, most similar first
     */
    public static List<Pair> run(Layout layout, Path submissions, Path out, double threshold, int minTokens, Path java,
            PrintStream console) throws IOException, InterruptedException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException(submissions + " is not a folder of submissions");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold is a similarity from 0 to 1, not " + threshold);
        }
        JavaRuntimes.Jdk jdk = JavaRuntimes.find(JAVA, java);
        String classpath = jplagClasspath(layout);
        Path work = out.resolve("work");
        FileOps.deleteTree(work);
        SolutionRegions regions = new SolutionRegions(layout.skeletonSources());
        Path base = work.resolve("base");
        regions.writeBase(base);
        Path root = work.resolve("solutions");
        Files.createDirectories(root);
        int compared = 0;
        for (Path s : list(submissions)) {
            String name = s.getFileName().toString().replaceFirst("\\.zip$", "");
            int methods;
            try {
                methods = regions.writeSubmission(s, root.resolve(name));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                console.println("  " + name + ": left out, " + e.getMessage());
                continue;
            }
            if (methods == 0) {
                console.println("  " + name + ": left out, no TODO method of the skeleton was found in it");
            } else {
                compared++;
            }
        }
        if (compared < 2) {
            throw new IllegalArgumentException("fewer than two submissions with solutions to compare in " + submissions);
        }
        Path runner = work.resolve(RUNNER);
        try (InputStream in = Similarity.class.getResourceAsStream(RUNNER)) {
            Files.copy(in, runner);
        }
        Path report = out.resolve("jplag-report.zip");
        Path table = work.resolve("pairs.tsv");
        Files.deleteIfExists(report);
        console.printf(Locale.ROOT, "similarity: JPlag on the solutions of %d submissions, Java %d (%s)%n", compared,
                jdk.version(), jdk.home());
        List<String> command = List.of(jdk.java().toString(), "-Xmx1g", "-cp", classpath, runner.toString(),
                root.toString(), base.toString(), report.toString(), table.toString(), String.valueOf(minTokens));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("jplag.log")
                .toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("JPlag took longer than 30 minutes; see " + work.resolve("jplag.log"));
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(table)) {
            throw new IllegalStateException("JPlag failed (exit " + p.exitValue() + "): " + lastLines(work.resolve(
                    "jplag.log")));
        }
        List<Pair> pairs = read(table);
        write(out.resolve("all-pairs.csv"), pairs);
        List<Pair> similar = pairs.stream().filter(x -> x.similarity() >= threshold).toList();
        write(out.resolve("similar-pairs.csv"), similar);
        console.printf(Locale.ROOT, "%d pairs compared; %d at or above %.0f%% similar:%n", pairs.size(), similar.size(),
                threshold * 100);
        similar.stream().limit(40).forEach(x -> console.printf(Locale.ROOT, "  %5.1f%%  %s  %s  (%d tokens matched)%n",
                x.similarity() * 100, x.first(), x.second(), x.matchedTokens()));
        if (similar.size() > 40) {
            console.println("  … " + (similar.size() - 40) + " more in " + out.resolve("similar-pairs.csv"));
        }
        console.println("JPlag's report: " + report + " (open it in JPlag's report viewer)");
        return pairs;
    }

    /** The class path of JPlag and its Java language module, which the build writes. */
    static String jplagClasspath(Layout layout) throws IOException {
        Path file = layout.root().resolve("grader/authoring/target/jplag-classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: build the kit first (grader/kit builds it)");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static List<Pair> read(Path tsv) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] c = line.split("\t");
            // Each pair in name order, so a pair reads the same whichever way JPlag compared it.
            boolean swap = c[0].compareTo(c[1]) > 0;
            pairs.add(new Pair(swap ? c[1] : c[0], swap ? c[0] : c[1], Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Integer.parseInt(c[4])));
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::first)
                .thenComparing(Pair::second));
        return pairs;
    }

    private static void write(Path csv, List<Pair> pairs) {
        StringBuilder s = new StringBuilder("first,second,similarity,maximal similarity,matched tokens\n");
        for (Pair p : pairs) {
            s.append(Csv.cell(p.first())).append(',').append(Csv.cell(p.second())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f,%d", p.similarity(), p.maximal(), p.matchedTokens()))
                    .append('\n');
        }
        FileOps.writeAtomically(csv, s.toString());
    }

    private static List<Path> list(Path submissions) throws IOException {
        try (Stream<Path> s = Files.list(submissions)) {
            return s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("SLF4J")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }
}

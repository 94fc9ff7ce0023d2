package grader.authoring.mutation;

import grader.course.Layout;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One PIT run: the mutants of one TODO's solution regions against that TODO's graded tests, on the compiled
 * reference, in a JVM of PIT's own ({@code MutationCoverageReport}, PIT's command line). PIT starts its own test
 * JVMs ("minions"); they get the grader's memory bounds and jqwik's settings as grading has them, with shrinking off
 * (a failing property is all a mutant needs, and shrinking it only costs time).
 */
final class PitRun {
    static final String PIT_MAIN = "org.pitest.mutationtest.commandline.MutationCoverageReport";
    private static final long MB = 1L << 20;
    /** Each minion's memory: a 512 MB heap and ND4J's arrays within 2 GB in all, as the grader would plan it. */
    private static final long MINION_TOTAL = 2048 * MB;
    private static final long MINION_HEAP = 512 * MB;
    private static final long JVM_OVERHEAD = 160 * MB;

    private PitRun() {
    }

    /** What the runs share. */
    record Settings(Layout layout, String mutators, int threads, long timeoutMinutes) {
    }

    /**
     * @param regions the TODO's regions
     * @param tests   its test classes and methods
     * @param dir     where PIT writes its report (HTML and mutations.xml) and its log
     * @return the report's mutations.xml
     * @throws IllegalStateException when PIT fails, with its log's tail
     */
    static Path run(Settings s, List<SolutionRegions.Region> regions, Set<String> testClasses, Set<String> testMethods,
            Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path regionsFile = dir.resolve("regions.txt");
        SolutionRegions.writeFilter(regions, regionsFile);
        Path log = dir.resolve("pit.log");
        ProcessBuilder pb = new ProcessBuilder(command(s, regions, testClasses, testMethods, dir, regionsFile))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(s.layout().course().testEnvironment());
        Process p = pb.start();
        if (!p.waitFor(s.timeoutMinutes(), TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("PIT took longer than " + s.timeoutMinutes() + " minutes; see " + log);
        }
        Path xml = dir.resolve("mutations.xml");
        if (p.exitValue() != 0 || !Files.isRegularFile(xml)) {
            throw new IllegalStateException("PIT failed (exit " + p.exitValue() + "); see " + log + tail(log));
        }
        return xml;
    }

    static List<String> command(Settings s, List<SolutionRegions.Region> regions, Set<String> testClasses,
            Set<String> testMethods, Path dir, Path regionsFile) {
        Layout layout = s.layout();
        Set<String> targets = new LinkedHashSet<>();
        for (SolutionRegions.Region r : regions) {
            targets.add(r.className());
            targets.add(r.className() + "$*"); // nested and anonymous classes, lambdas' homes
        }
        List<String> minion = new ArrayList<>(List.of("-Xmx" + MINION_HEAP / MB + "m"));
        minion.addAll(layout.course().memoryOptions(MINION_TOTAL, MINION_TOTAL - MINION_HEAP - JVM_OVERHEAD,
                MINION_HEAP));
        // As the grader runs them: a fresh database, no failure run first; and no shrinking, as `mistakes` runs them.
        minion.addAll(List.of("-Djqwik.database=" + dir.resolve("jqwik-database"), "-Djqwik.failures.runfirst=false",
                "-Djqwik.shrinking.default=OFF", "-Djqwik.reporting.usejunitplatform=true"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-D" + SolutionRegions.FILTER_PROPERTY + "=" + regionsFile.toAbsolutePath(),
                "-cp", classpath(layout), PIT_MAIN,
                "--reportDir", dir.toAbsolutePath().toString(),
                "--targetClasses", String.join(",", targets),
                "--targetTests", String.join(",", testClasses),
                "--includedTestMethods", String.join(",", testMethods),
                "--sourceDirs", layout.reference().resolve("src/main/java").toString(),
                "--mutators", s.mutators(),
                "--threads", String.valueOf(Math.max(1, s.threads())),
                "--outputFormats", "HTML,XML",
                "--timestampedReports=false",
                "--failWhenNoMutations=false",
                "--jvmArgs", String.join(",", minion)));
        return cmd;
    }

    /**
     * PIT first (its commons-lang3 is newer than ND4J's, and ND4J runs on it), then this module's classes (the
     * region filter, found as a PIT plugin), the graded tests, the reference, and the tests' libraries.
     */
    private static String classpath(Layout layout) {
        Path pitest = layout.root().resolve("grader/authoring/target/pitest-classpath.txt");
        if (!Files.isRegularFile(pitest)) {
            throw new IllegalArgumentException(pitest + " is missing: build the kit first (grader/kit builds it)");
        }
        String here;
        try {
            here = Path.of(PitRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return String.join(File.pathSeparator, Files.readString(pitest, StandardCharsets.UTF_8).strip(), here,
                    layout.testClasses().toString(), layout.referenceClasses().toString(),
                    layout.dependencyClasspath());
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot build PIT's class path: " + e.getMessage(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}

package grader.authoring.release;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release's leak check on this repository's homework (the sources next to the grader, copied to a scratch
 * folder): it passes on the kit as shipped, a generic line that a file's provided code repeats from its own
 * solution does not fail it, and it fails, naming file and line, on a distinctive solution line planted in
 * another file as a comment (in reference and skeleton alike) or after other words inside any comment of a
 * released file, a hidden test copied in, a reference-only file
 * copied in, and a stretch of solution lines.
 */
class ReleaseCheckTest {
    @TempDir
    static Path scratch;
    static Path kit;

    @BeforeAll
    static void copyTheKit() throws IOException {
        Path repo = Paths.get("../..").toAbsolutePath().normalize();
        kit = scratch.resolve("kit");
        for (String part : List.of("pom.xml", "course.json", "docs", "reference/src", "reference/pom.xml",
                "skeleton/src", "skeleton/pom.xml", "tests/src", "tests/hidden", "tests/mistakes", "tests/pom.xml",
                "grader/runtime/src/main", "grader/runtime/pom.xml", "notebooks")) {
            StudentCopy.copyTree(repo.resolve(part), kit.resolve(part));
        }
    }

    /** The lines of the reference's solution regions in a file, as written (indented). */
    private static List<String> solutionLines(String file) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(kit.resolve("reference/src/main/java/" + file))) {
            if (line.strip().startsWith("// BEGIN SOLUTION")) {
                inside = true;
            } else if (line.strip().startsWith("// END SOLUTION")) {
                inside = false;
            } else if (inside && !line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> leaksOf(Path root, Path release) throws IOException {
        Layout layout = new Layout(root);
        Release.write(layout, release);
        return Release.leaks(layout, release);
    }

    @Test
    void theKitAsShippedHasNoLeakAndGptsLoopOverItsBlocksIsNotOne() throws IOException {
        String gpt = Files.readString(kit.resolve("skeleton/src/main/java/hw/model/GPT.java"));
        assertThat(gpt).as("the generic line is in the skeleton's provided code")
                .contains("for (TransformerBlock block : blocks) {");
        assertThat(leaksOf(kit, scratch.resolve("shipped"))).isEmpty();
    }

    @Test
    void aDistinctiveAdamLinePlantedAsACommentInSgdFailsAndNamesTheFile() throws IOException {
        Path planted = scratch.resolve("planted");
        StudentCopy.copyTree(kit, planted);
        String adam = solutionLines("hw/optim/Adam.java").stream().map(l -> l.replaceFirst("//.*", "").strip())
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        String line = "            // " + adam + "\n";
        for (String side : List.of("reference", "skeleton")) {
            Path sgd = planted.resolve(side + "/src/main/java/hw/optim/SGD.java");
            String text = Files.readString(sgd, StandardCharsets.UTF_8);
            int at = text.indexOf("public void step() {") + "public void step() {\n".length();
            Files.writeString(sgd, text.substring(0, at) + line + text.substring(at), StandardCharsets.UTF_8);
        }
        List<String> leaks = leaksOf(planted, scratch.resolve("planted-release"));
        assertThat(leaks).singleElement().asString().contains("skeleton/src/main/java/hw/optim/SGD.java:")
                .contains(adam)
                .contains("reference/src/main/java/hw/optim/Adam.java");
    }

    @Test
    void aHiddenTestOrAReferenceOnlyFileCopiedInFails() throws IOException {
        Path release = scratch.resolve("copied-in");
        Layout layout = new Layout(kit);
        Release.write(layout, release);
        Path hidden;
        try (var s = Files.walk(kit.resolve("tests/hidden"))) {
            hidden = s.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Files.copy(hidden, release.resolve("tests/src/test/java/Renamed.java"));
        Files.copy(hidden, release.resolve("tests/src/test/java/" + hidden.getFileName()));
        Path referenceOnly;
        try (var s = Files.walk(kit.resolve("reference/src/test"))) {
            referenceOnly = s.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Files.createDirectories(release.resolve("skeleton/src/test/java"));
        Files.copy(referenceOnly, release.resolve("skeleton/src/test/java/Copied.java"));
        List<String> leaks = Release.leaks(layout, release);
        assertThat(leaks).anyMatch(l -> l.contains("a hidden test is in the release") && l.contains(
                hidden.getFileName().toString()));
        assertThat(leaks).anyMatch(l -> l.contains("tests/src/test/java/Renamed.java:"));
        assertThat(leaks).anyMatch(l -> l.contains("skeleton/src/test/java/Copied.java:"));
    }

    @Test
    void aFileTheCourseDoesNotDeclareStudentFacingIsFound() throws IOException {
        Path release = scratch.resolve("undeclared");
        Layout layout = new Layout(kit);
        Release.write(layout, release);
        List<String> holds = layout.course().releaseHolds();
        assertThat(Release.undeclared(release, holds)).as("the release as written").isEmpty();
        Files.createDirectories(release.resolve("skeleton/src/main/java/hw/bench"));
        Files.writeString(release.resolve("skeleton/src/main/java/hw/bench/Speed.java"), "package hw.bench;\n");
        Files.writeString(release.resolve("tests/torch_bench.py"), "print(1)\n");
        assertThat(Release.undeclared(release, holds)).containsExactly("skeleton/src/main/java/hw/bench/Speed.java",
                "tests/torch_bench.py");
    }

    @Test
    void aSolutionLineAfterOtherWordsInAnyCommentFails() throws IOException {
        Path release = scratch.resolve("prefixed");
        Layout layout = new Layout(kit);
        Release.write(layout, release);
        String adam = solutionLines("hw/optim/Adam.java").stream().map(l -> l.replaceFirst("//.*", "").strip())
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        Path docComment = release.resolve("grader/runtime/src/main/java/grader/io/FileOps.java");
        String text = Files.readString(docComment, StandardCharsets.UTF_8);
        Files.writeString(docComment, text.replaceFirst("(?m)^/\\*\\*",
                java.util.regex.Matcher.quoteReplacement("/**\n * find: " + adam)),
                StandardCharsets.UTF_8);
        Files.writeString(release.resolve("tests/src/test/java/Trailing.java"),
                "class Trailing {\n    int x = 0; // the answer was " + adam + " (a note)\n}\n");
        List<String> leaks = Release.leaks(layout, release);
        assertThat(leaks).anyMatch(l -> l.contains("grader/runtime/src/main/java/grader/io/FileOps.java:")
                && l.contains("in a comment") && l.contains("hw/optim/Adam.java"));
        assertThat(leaks).anyMatch(l -> l.contains("tests/src/test/java/Trailing.java:2"));
    }

    @Test
    void aStretchOfShortSolutionLinesFails() throws IOException {
        Path release = scratch.resolve("stretch");
        Layout layout = new Layout(kit);
        Release.write(layout, release);
        List<String> adam = solutionLines("hw/optim/Adam.java");
        int from = 0;
        while (adam.subList(from, from + 3).stream().anyMatch(l -> l.strip().length() < LeakCheck.STRETCH_LINE)) {
            from++;
        }
        Files.writeString(release.resolve("tests/src/test/java/Notes.java"), "/* my notes\n"
                + String.join("\n", adam.subList(from, from + 3)) + "\n*/\n");
        assertThat(Release.leaks(layout, release)).anyMatch(l -> l.contains("tests/src/test/java/Notes.java:2"));
    }
}

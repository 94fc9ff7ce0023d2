package grader.authoring.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonGeneratorTest {
    private static final String REFERENCE = """
            package hw;

            /** Squares. */
            public final class Square {
                public static double of(double x) {
                    // BEGIN SOLUTION Problem 2.1 (Square.of)
                    double y = x * x;
                    return y;
                    // END SOLUTION
                }

                public static String name() {
                    return "square";
                }
            }
            """;

    private static final String SKELETON = """
            package hw;

            /** Squares. */
            public final class Square {
                public static double of(double x) {
                    // TODO Problem 2.1 (Square.of): your code here.
                    throw new UnsupportedOperationException("not implemented yet: Problem 2.1 (Square.of)");
                }

                public static String name() {
                    return "square";
                }
            }
            """;

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void aRegionBecomesATodoThatThrowsWithItsLabel() {
        assertThat(SkeletonGenerator.strip("Square.java", REFERENCE)).isEqualTo(SKELETON);
    }

    @Test
    void aRegionKeptIsTheSolutionWithoutItsMarkersAndTheOthersAreTodos() {
        String two = REFERENCE.replace("return \"square\";", """
                // BEGIN SOLUTION Problem 2.2 (Square.name)
                        return "square";
                        // END SOLUTION""");
        String kept = SkeletonGenerator.strip("Square.java", two, label -> label.startsWith("Problem 2.1 "));
        assertThat(kept).contains("        double y = x * x;\n        return y;\n    }")
                .contains("// TODO Problem 2.2 (Square.name): your code here.")
                .doesNotContain("BEGIN SOLUTION", "END SOLUTION", "TODO Problem 2.1", "return \"square\"");
        assertThat(SkeletonGenerator.strip("Square.java", REFERENCE, label -> true))
                .isEqualTo(REFERENCE.replaceAll("(?m)^\\s*// (BEGIN|END) SOLUTION.*\n", ""));
    }

    @Test
    void textOutsideRegionsIsUnchanged() {
        String noRegions = "package hw;\n\n  class A { int x = 1; }  \n\n// not a BEGIN SOLUTION marker\n";
        assertThat(SkeletonGenerator.strip("A.java", noRegions)).isEqualTo(noRegions);
        String noFinalNewline = "class B {\n    void f() {\n        // BEGIN SOLUTION f\n        g();\n"
                + "        // END SOLUTION\n    }\n}";
        assertThat(SkeletonGenerator.strip("B.java", noFinalNewline)).isEqualTo("class B {\n    void f() {\n"
                + "        // TODO f: your code here.\n"
                + "        throw new UnsupportedOperationException(\"not implemented yet: f\");\n    }\n}");
    }

    @Test
    void everyRegionOfAFileIsReplaced() {
        String two = REFERENCE.replace("return \"square\";", """
                // BEGIN SOLUTION Problem 2.2 (Square.name)
                        return "square";
                        // END SOLUTION""");
        String stripped = SkeletonGenerator.strip("Square.java", two);
        assertThat(stripped).contains("not implemented yet: Problem 2.1 (Square.of)")
                .contains("not implemented yet: Problem 2.2 (Square.name)")
                .doesNotContain("x * x", "\"square\"", "SOLUTION");
    }

    private static final String IMPORTS = """
            package hw;

            import static java.lang.Math.max;
            import static java.lang.Math.sqrt;
            import java.util.*;
            import java.util.function.BiFunction;
            import java.util.function.Function;
            import java.util.stream.IntStream;

            import java.util.concurrent.Callable;

            import org.example.Documented;

            /** Scores; see {@link Documented}. */
            public final class Score {
                public static double of(List<Integer> xs, Function<Integer, Integer> f) {
                    // BEGIN SOLUTION Problem 4 (Score.of)
                    BiFunction<Integer, Integer, Integer> add = Integer::sum;
                    Callable<Integer> none = () -> 0;
                    return sqrt(IntStream.range(0, xs.size()).map(i -> add.apply(f.apply(xs.get(i)), 0)).sum());
                    // END SOLUTION
                }

                static int atLeastOne(int n) {
                    return max(n, 1);
                }
            }
            """;

    @Test
    void importsOnlyTheSolutionUsedAreDropped() {
        String stripped = SkeletonGenerator.strip("Score.java", IMPORTS);
        assertThat(stripped).doesNotContain("import static java.lang.Math.sqrt;",
                "import java.util.function.BiFunction;", "import java.util.stream.IntStream;",
                "import java.util.concurrent.Callable;");
        // Used by provided code, in Javadoc only, as a wildcard: kept. So is the layout: one blank line per gap.
        assertThat(stripped).startsWith("""
                package hw;

                import static java.lang.Math.max;
                import java.util.*;
                import java.util.function.Function;

                import org.example.Documented;

                /** Scores; see {@link Documented}. */
                """);
        String crlf = SkeletonGenerator.strip("Score.java", IMPORTS.replace("\n", "\r\n"));
        assertThat(crlf.replace("\r\n", "\n")).isEqualTo(stripped);
    }

    @Test
    void importsAreLeftAloneWhenNothingIsDropped() {
        String unused = "package hw;\n\nimport java.util.List;\n\nclass NoRegions {\n}\n";
        assertThat(SkeletonGenerator.strip("NoRegions.java", unused)).as("no region: copied as is").isEqualTo(unused);
        String used = "import java.util.List;\nimport a.b.List2;\n\nclass Used {\n    List<String> f() {\n"
                + "        // BEGIN SOLUTION f\n        return List2.of();\n        // END SOLUTION\n    }\n}\n";
        assertThat(SkeletonGenerator.strip("Used.java", used)).startsWith("import java.util.List;\n\nclass Used {")
                .as("List2 is not List: names match as whole words").doesNotContain("List2");
    }

    @Test
    void quotesAndBackslashesInALabelAreEscaped() {
        String source = "// BEGIN SOLUTION Problem 3 (say \"hi\" \\ bye)\nx();\n// END SOLUTION\n";
        assertThat(SkeletonGenerator.strip("Q.java", source))
                .contains("throw new UnsupportedOperationException(\"not implemented yet: Problem 3 (say \\\"hi\\\""
                        + " \\\\ bye)\");");
    }

    @Test
    void aRegionWithoutALabelIsAnErrorAtItsLine() {
        String source = "class A {\n  void f() {\n    // BEGIN SOLUTION   \n    g();\n    // END SOLUTION\n  }\n}\n";
        assertThatThrownBy(() -> SkeletonGenerator.strip("A.java", source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A.java:3: BEGIN SOLUTION needs a label");
    }

    @Test
    void aNestedBeginIsAnErrorAtItsLine() {
        String source = "// BEGIN SOLUTION one\na();\n// BEGIN SOLUTION two\nb();\n// END SOLUTION\n";
        assertThatThrownBy(() -> SkeletonGenerator.strip("N.java", source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("N.java:3: BEGIN SOLUTION inside the region opened at line 1");
    }

    @Test
    void aStrayEndIsAnErrorAtItsLine() {
        String source = "class S {\n}\n  // END SOLUTION\n";
        assertThatThrownBy(() -> SkeletonGenerator.strip("S.java", source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("S.java:3: END SOLUTION without BEGIN SOLUTION");
    }

    @Test
    void anUnclosedRegionIsAnErrorAtItsBeginning() {
        String source = "class U {\n  void f() {\n    // BEGIN SOLUTION f\n    g();\n  }\n}\n";
        assertThatThrownBy(() -> SkeletonGenerator.strip("U.java", source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("U.java:3: BEGIN SOLUTION is never closed by END SOLUTION");
    }

    @Test
    void markersInAFileWithWindowsLineEndingsAreRecognised() {
        String crlf = REFERENCE.replace("\n", "\r\n");
        String stripped = SkeletonGenerator.strip("Square.java", crlf);
        assertThat(stripped).doesNotContain("x * x").contains("not implemented yet: Problem 2.1 (Square.of)\");");
        assertThat(stripped.replace("\r\n", "\n")).isEqualTo(SKELETON);
        assertThat(stripped).as("every line still ends in \\r\\n").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void generateStripsJavaSourcesAndCopiesOtherFiles() throws IOException {
        Path reference = dir.resolve("reference");
        write(reference.resolve("java/hw/Square.java"), REFERENCE);
        write(reference.resolve("resources/notes.txt"), "// BEGIN SOLUTION kept as is\n");
        Map<String, String> generated = SkeletonGenerator.generate(reference);
        assertThat(generated).containsOnlyKeys("java/hw/Square.java", "resources/notes.txt");
        assertThat(generated.get("java/hw/Square.java")).isEqualTo(SKELETON);
        assertThat(generated.get("resources/notes.txt")).isEqualTo("// BEGIN SOLUTION kept as is\n");
    }

    @Test
    void anErrorInAReferenceFileNamesItsPath() throws IOException {
        Path reference = dir.resolve("reference");
        write(reference.resolve("java/hw/Broken.java"), "class Broken {\n// END SOLUTION\n}\n");
        assertThatThrownBy(() -> SkeletonGenerator.generate(reference)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("java/hw/Broken.java:2: ");
    }

    @Test
    void compareReportsMissingDifferingAndExtraFiles() throws IOException {
        Path skeleton = dir.resolve("skeleton");
        write(skeleton.resolve("same.txt"), "same\n");
        write(skeleton.resolve("changed.java"), "line 1\nline 2\nedited by hand\n");
        write(skeleton.resolve("old/Stale.java"), "class Stale {}\n");
        Map<String, String> generated = Map.of("same.txt", "same\n", "changed.java", "line 1\nline 2\nline 3\n",
                "new/Added.java", "class Added {}\n");
        assertThat(SkeletonGenerator.compare(generated, skeleton)).containsExactlyInAnyOrder(
                "new/Added.java: missing", "changed.java: differs from line 3", "old/Stale.java: not in the reference");
        assertThat(SkeletonGenerator.compare(generated, dir.resolve("nowhere")))
                .containsExactlyInAnyOrder("same.txt: missing", "changed.java: missing", "new/Added.java: missing");
    }

    @Test
    void writeMakesTheSkeletonMatchAndDeletesStaleFiles() throws IOException {
        Path reference = dir.resolve("reference");
        Path skeleton = dir.resolve("skeleton");
        write(reference.resolve("hw/Square.java"), REFERENCE);
        write(reference.resolve("hw/Keep.java"), "class Keep {}\n");
        write(skeleton.resolve("hw/Removed.java"), "class Removed {}\n");
        write(skeleton.resolve("hw/Keep.java"), "class Keep {}\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(skeleton.resolve("hw/Keep.java"), old);

        Map<String, String> generated = SkeletonGenerator.generate(reference);
        SkeletonGenerator.write(generated, skeleton);

        assertThat(skeleton.resolve("hw/Removed.java")).doesNotExist();
        assertThat(Files.readString(skeleton.resolve("hw/Square.java"))).isEqualTo(SKELETON);
        assertThat(SkeletonGenerator.compare(generated, skeleton)).isEmpty();
        // An unchanged file is left alone, so a regeneration does not touch what did not change.
        assertThat(Files.getLastModifiedTime(skeleton.resolve("hw/Keep.java"))).isEqualTo(old);
    }
}

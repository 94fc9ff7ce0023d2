package grader.authoring.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only what a student wrote in the TODO methods is kept for comparison, from a folder or a zip. */
class SolutionRegionsTest {
    private static final String SKELETON = """
            package mini;

            public class Calc {
                /** Provided: every copy has it. */
                public static int twice(int a) {
                    return 2 * a;
                }

                public int add(int a, int b) {
                    // TODO Problem 1.1 (Calc.add): your code here.
                    throw new UnsupportedOperationException("not implemented yet: Problem 1.1 (Calc.add)");
                }
            }
            """;

    @TempDir
    Path dir;

    private SolutionRegions regions() throws IOException {
        Files.createDirectories(dir.resolve("skeleton/mini"));
        Files.writeString(dir.resolve("skeleton/mini/Calc.java"), SKELETON);
        return new SolutionRegions(dir.resolve("skeleton"));
    }

    @Test
    void keepsTheTodoMethodsAndLeavesTheProvidedCodeOut() throws IOException {
        Path student = dir.resolve("student/any/folder");
        Files.createDirectories(student);
        String todo = SKELETON.substring(SKELETON.indexOf("// TODO"), SKELETON.indexOf(");", SKELETON.indexOf("throw"))
                + 2);
        Files.writeString(student.resolve("Calc.java"), SKELETON.replace(todo, "int sum = a;\n        sum += b;\n"
                + "        return sum;"));
        assertThat(regions().writeSubmission(dir.resolve("student"), dir.resolve("out"))).isEqualTo(1);
        String kept = Files.readString(dir.resolve("out/mini/Calc.java"));
        assertThat(kept).startsWith("class Calc {\npublic int add(int a, int b) {").contains("sum += b;")
                .doesNotContain("twice");
    }

    @Test
    void readsAZipAndSkipsAMethodWhoseSignatureChanged() throws IOException {
        Path zip = dir.resolve("student.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("src/Calc.java"));
            z.write(SKELETON.replace("public int add(int a, int b)", "public long add(long a, long b)").getBytes());
            z.closeEntry();
        }
        assertThat(regions().writeSubmission(zip, dir.resolve("out"))).isZero();
    }

    @Test
    void theBaseCodeIsTheSkeletonsTodoMethods() throws IOException {
        assertThat(regions().writeBase(dir.resolve("base"))).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("base/mini/Calc.java"))).contains("not implemented yet: Problem 1.1");
    }
}

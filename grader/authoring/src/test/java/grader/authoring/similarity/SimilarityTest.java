package grader.authoring.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.authoring.demo.SimilarityClass;
import grader.course.Layout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPlag on the synthetic similarity class: the reference's answers and a copy with renamed variables and reordered
 * methods are flagged; three independently written answers are not, with each other or with the reference.
 */
class SimilarityTest {
    @TempDir
    Path dir;

    @Test
    void theDisguisedCopyIsFlaggedAndIndependentSolutionsAreNot() throws Exception {
        Layout layout = new Layout(Path.of("").toAbsolutePath().resolve("../.."));
        boolean jdk = true;
        try {
            JavaRuntimes.find(Similarity.JAVA, null);
        } catch (IllegalArgumentException none) {
            jdk = false;
        }
        assumeTrue(jdk, "JPlag needs a JDK 21+; none on this machine (see docs/instructor.md, Similarity)");
        List<String> names = SimilarityClass.write(layout, dir.resolve("class"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Similarity.Pair> pairs = Similarity.run(layout, dir.resolve("class"), dir.resolve("out"), 0.5, 9, null,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(pairs).hasSize(names.size() * (names.size() - 1) / 2);
        Similarity.Pair top = pairs.get(0);
        assertThat(Set.of(top.first(), top.second())).containsExactlyInAnyOrder(SimilarityClass.ORIGINAL,
                SimilarityClass.COPY);
        assertThat(top.similarity()).isGreaterThan(0.9);
        assertThat(pairs.subList(1, pairs.size())).allSatisfy(p -> assertThat(p.similarity())
                .as("%s and %s", p.first(), p.second()).isLessThan(0.5));
        assertThat(Files.readAllLines(dir.resolve("out/similar-pairs.csv"))).hasSize(2);
        assertThat(dir.resolve("out/jplag-report.zip")).isNotEmptyFile();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 at or above 50% similar");
    }

    @Test
    void aJdkIsFoundOrTheErrorSaysHowToGetOne() {
        try {
            JavaRuntimes.Jdk jdk = JavaRuntimes.find(Similarity.JAVA, null);
            assertThat(jdk.version()).isGreaterThanOrEqualTo(21);
            assertThat(jdk.java()).exists();
        } catch (IllegalArgumentException none) {
            assertThat(none).hasMessageContaining("JAVA_HOME").hasMessageContaining("--java");
        }
        assertThat(JavaRuntimes.describe(Path.of("/nonexistent"))).isEmpty();
    }
}

package grader.authoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The made-up class is built as its doc says: at least 30 submissions, most with catalogue mistakes that applied,
 * correct and broken ones, repositories, and a truth file naming what each was given. (Grading it is
 * {@code grader/kit demo-class}'s job: minutes, not seconds.)
 */
class SyntheticClassTest {
    @TempDir
    static Path dir;
    static List<SyntheticClass.Student> students;

    @BeforeAll
    static void build() throws Exception {
        Layout layout = new Layout(Path.of("").toAbsolutePath().resolve("../.."));
        students = new SyntheticClass(layout, 23).write(dir.resolve("submissions"));
    }

    @Test
    void thereAreAtLeastThirtyOfEveryKind() {
        assertThat(students).hasSizeGreaterThanOrEqualTo(30);
        assertThat(students).extracting(SyntheticClass.Student::kind).contains("correct", "mistakes", "broken");
        assertThat(students.stream().filter(s -> s.kind().equals("mistakes"))).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(s -> assertThat(s.entries()).as(s.name()).isNotEmpty());
        assertThat(dir.resolve("truth.csv")).content().startsWith("submission,kind,catalogue entries,note\n")
                .contains("carol,correct,,solutions written independently of the reference");
    }

    @Test
    void everyStudentIsOnDiskAsAFolderAZipOrARepository() {
        for (SyntheticClass.Student s : students) {
            Path folder = dir.resolve("submissions").resolve(s.name());
            assertThat(Files.isDirectory(folder) || Files.isRegularFile(folder.resolveSibling(s.name() + ".zip")))
                    .as(s.name()).isTrue();
        }
        assertThat(dir.resolve("submissions/git-frank/.git")).isDirectory();
        assertThat(dir.resolve("extensions.csv")).content().contains("git-grace,+1d");
    }

    @Test
    void aStudentsFilesHaveNoSolutionMarkersAndHoldTheirMistakes() throws Exception {
        SyntheticClass.Student s = students.stream().filter(x -> x.name().equals("carol")).findFirst().orElseThrow();
        String autograd = Files.readString(dir.resolve("submissions").resolve(s.name())
                .resolve("src/main/java/hw/tensor/Autograd.java"));
        assertThat(autograd).doesNotContain("BEGIN SOLUTION").contains("java.util.Iterator<Tensor>");
    }
}

package grader.authoring.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's entry format and verdicts (the catalogue itself runs in mvn verify). */
class MistakeEntryTest {
    @TempDir
    Path dir;

    private MistakeEntry entry(String text) throws IOException {
        Path f = dir.resolve("6.1-example.txt");
        Files.writeString(f, text);
        return MistakeEntry.read(f);
    }

    private static final String ENTRY = """
            # a comment
            kind: mistake
            problem: 6.1
            file: hw/optim/Adam.java
            misconception: eps under the root.
            symptom: inside the square root
            find: |
                double a = 1;
                double b = 2;
            replace: double ab = 3;
            find: return   a;
            replace: return ab;
            """;

    @Test
    void anEntryReadsAndAppliesItsEditsWhateverTheWhiteSpace() throws IOException {
        MistakeEntry e = entry(ENTRY);
        assertThat(e.name()).isEqualTo("6.1-example");
        assertThat(e.alternative()).isFalse();
        assertThat(e.problemNumber()).isEqualTo(6);
        assertThat(e.apply("int f() {\n        double a = 1;\n  double b = 2;\n  return a;\n}"))
                .isEqualTo("int f() {\n        double ab = 3;\n  return ab;\n}");
    }

    @Test
    void aFindThatNoLongerMatchesOnceIsAClearError() throws IOException {
        MistakeEntry e = entry(ENTRY);
        assertThatThrownBy(() -> e.apply("double a = 1; double b = 2; return b;"))
                .hasMessageContaining("'find: return a;' occurs 0 times in hw/optim/Adam.java");
        assertThatThrownBy(() -> e.apply("double a = 1; double b = 2; return a; return a;"))
                .hasMessageContaining("occurs 2 times");
    }

    @Test
    void aBrokenEntryNamesWhatIsWrong() {
        assertThatThrownBy(() -> entry("kind: bug\nproblem: 1.1\nfile: F.java\nmisconception: m\nfind: a\nreplace: b\n"))
                .hasMessageContaining("kind is 'mistake' or 'alternative'");
        assertThatThrownBy(() -> entry("kind: mistake\nproblem: 1.1\nfile: F.java\nfind: a\nreplace: b\n"))
                .hasMessageContaining("'misconception:' is missing");
        assertThatThrownBy(() -> entry("kind: mistake\nproblem: 1.1\nfile: F.java\nmisconception: m\nfind: a\n"))
                .hasMessageContaining("needs find/replace pairs");
        assertThatThrownBy(() -> entry("kind: mistake\nproblem: x\nfile: F.java\nmisconception: m\nfind: a\nreplace: b\n"))
                .hasMessageContaining("problem is a TODO such as 6.1");
        assertThatThrownBy(() -> entry("kind: mistake\nproblm: 1.1\n")).hasMessageContaining("unknown key 'problm'");
    }

    private static TestResult test(String number, String name, double score, double max, String output) {
        TestResult t = new TestResult();
        t.number = number;
        t.name = name;
        t.score = score;
        t.maxScore = max;
        t.output = output;
        t.extraData = Map.of("todos", List.of(number.substring(0, number.lastIndexOf('.'))));
        return t;
    }

    @Test
    void aMistakeIsCaughtOnlyByItsTodosTestsAndAnAlternativeMustKeepEveryPoint() throws IOException {
        MistakeEntry mistake = entry(ENTRY);
        Results otherTodoFails = new Results();
        otherTodoFails.tests.addAll(List.of(test("6.1.1", "Problem 6.1 Adam.step: a", 2, 2, ""),
                test("6.2.1", "Problem 6.2 AdamW: b", 0, 1, "eps inside the square root")));
        Mistakes.Verdict missed = Mistakes.verdict(mistake, otherTodoFails, System.nanoTime());
        assertThat(missed.ok()).isFalse();
        assertThat(missed.result()).isEqualTo("MISSED");
        Results caught = new Results();
        caught.tests.addAll(List.of(test("6.1.1", "Problem 6.1 Adam.step: a", 0, 2, "ε is added INSIDE THE SQUARE ROOT"),
                test("6.1.2", "Problem 6.1 Adam.step: b", 1, 1, "")));
        Mistakes.Verdict v = Mistakes.verdict(mistake, caught, System.nanoTime());
        assertThat(v.ok()).isTrue();
        assertThat(v.symptomNamed()).isEqualTo("yes");
        assertThat(v.lost()).isEqualTo(2.0);
        assertThat(v.failed()).containsExactly("6.1.1");
        MistakeEntry alternative = entry(ENTRY.replace("kind: mistake", "kind: alternative"));
        assertThat(Mistakes.verdict(alternative, caught, System.nanoTime()).result()).isEqualTo("LOST POINTS");
        assertThat(Mistakes.table(List.of(v))).contains("6.1-example").contains("caught").contains("6.1.1");
    }
}

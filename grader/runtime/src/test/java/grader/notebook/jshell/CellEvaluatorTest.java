package grader.notebook.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a cell gives, as both the kernel and the grader see it. */
class CellEvaluatorTest {
    private static CellEvaluator cells;

    @BeforeAll
    static void start() {
        cells = new CellEvaluator(Path.of("."));
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void aCellEndingInAnExpressionHasItsValueAndPrintsWhatItPrints() {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        CellEvaluator.Result r;
        try {
            r = cells.eval("int twice(int x) {\n    return 2 * x;\n}\nSystem.out.println(\"hello\");\ntwice(21)");
        } finally {
            System.setOut(before);
        }
        assertThat(r.failure()).isNull();
        assertThat(r.hasValue()).isTrue();
        assertThat(r.value()).isEqualTo(42);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void statementsAndVoidCallsHaveNoValue() {
        assertThat(cells.eval("var xs = new ArrayList<Integer>();\nxs.add(1);\nxs.clear();").hasValue()).isFalse();
        assertThat(cells.eval("System.out.printf(\"%s\", \"\")").hasValue()).isFalse(); // printf's stream is noise
    }

    @Test
    void aCompileErrorNamesItsLineOfTheCell() {
        CellEvaluator.Result r = cells.eval("int a = 1;\nint b = 2;\nint c = nothing + 1;");
        assertThat(r.failure().name()).isEqualTo("CellError");
        assertThat(r.failure().message()).isEqualTo("line 3: cannot find symbol (variable nothing)");
        assertThat(r.failure().traceback()).containsExactly("CellError: line 3: cannot find symbol (variable nothing)");
    }

    @Test
    void anExceptionIsTheCellsOwnWithWhereItWasThrown() {
        cells.eval("int answer() {\n    throw new UnsupportedOperationException(\"not answered yet: Question 1.1\");\n}");
        CellEvaluator.Result r = cells.eval("answer();");
        assertThat(r.failure().exception()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.failure().name()).isEqualTo("UnsupportedOperationException");
        assertThat(r.failure().traceback()).containsExactly(
                "UnsupportedOperationException: not answered yet: Question 1.1", "    at answer()", "    at the cell");
    }

    @Test
    void aVariableKeepsItsValueWhenAMethodItUsesIsDeclaredAgain() {
        cells.eval("int first() {\n    return 1;\n}");
        cells.eval("var kept = new ArrayList<>(List.of(first()));");
        assertThat(cells.eval("int first() {\n    return 2;\n}").failure()).isNull(); // JShell recompiles `kept`
        assertThat(cells.eval("kept").value()).isEqualTo(java.util.List.of(1));
    }

    @Test
    void aMissingJarSaysSoInOneLine() {
        CellEvaluator.Result r = cells.eval("%jars does/not/exist.jar\nint x = 1;");
        assertThat(r.failure().message()).startsWith("%jars: ").contains("does not exist");
        assertThat(cells.eval("%unknown").failure().message()).contains("unknown magic %unknown");
    }
}

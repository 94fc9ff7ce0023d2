package grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test numbers are grouped under the TODO they grade and sort the same as strings and as version numbers. */
class TestNumbersTest {
    private static GradedUnit unit(int problem, String name, Visibility.Level visibility, String... todos) {
        return new GradedUnit(name, "C", "m", name, problem, "title", List.of(todos), 1, visibility);
    }

    private static GradedUnit unit(int problem, String name, String... todos) {
        return unit(problem, name, Visibility.Level.VISIBLE, todos);
    }

    @Test
    void testsAreNumberedUnderTheirTodoSoNoNumberIsAnotherTodosLabel() {
        List<GradedUnit> units = new ArrayList<>(List.of(unit(1, "Problem 1.2 Tensor.tanh: forward", "1.2"),
                unit(1, "Problem 1.1 Tensor.pow: backward", "1.1"), unit(1, "Problem 1.1 Tensor.pow: forward", "1.1"),
                unit(1, "Problems 1.3-1.4 backpropagation: a diamond", "1.3", "1.4"),
                unit(1, "Problem 1 hidden checks: x"), unit(2, "Problem 2.1 Functions.gelu: shape", "2.1")));
        List<GradedUnit> sorted = TestNumbers.number(units);
        assertThat(sorted).extracting(u -> u.number + " " + u.name).containsExactly(
                "1.0.1 Problem 1 hidden checks: x",
                "1.1.1 Problem 1.1 Tensor.pow: backward",
                "1.1.2 Problem 1.1 Tensor.pow: forward",
                "1.2.1 Problem 1.2 Tensor.tanh: forward",
                "1.3.1 Problems 1.3-1.4 backpropagation: a diamond",
                "2.1.1 Problem 2.1 Functions.gelu: shape");
    }

    @Test
    void theTodoComesFromTheAnnotationNotFromTheName() {
        GradedUnit u = unit(7, "KV cache: matches Problem 4.5 GPT.forward", "7.2");
        assertThat(TestNumbers.todoOf(u)).isEqualTo(2);
        assertThat(TestNumbers.todoOf(unit(7, "Problem 7.1 named, not annotated"))).isZero();
    }

    @Test
    void hiddenTestsComeAfterTheVisibleOnesOfTheirTodo() {
        List<GradedUnit> sorted = TestNumbers.number(new ArrayList<>(List.of(
                unit(1, "Problem 1.1 a hidden one", Visibility.Level.HIDDEN, "1.1"),
                unit(1, "Problem 1.1 z visible", "1.1"))));
        assertThat(sorted).extracting(u -> u.number + " " + u.name)
                .containsExactly("1.1.1 Problem 1.1 z visible", "1.1.2 Problem 1.1 a hidden one");
    }

    @Test
    void aTodoWithTenOrMoreTestsIsZeroPaddedSoStringAndNaturalSortsAgree() {
        List<GradedUnit> units = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            units.add(unit(4, String.format("Problem 4.1 attention: case %02d", i), "4.1"));
        }
        units.add(unit(4, "Problem 4.2 feed-forward: one", "4.2"));
        List<String> numbers = TestNumbers.number(units).stream().map(u -> u.number).toList();
        assertThat(numbers).startsWith("4.1.01", "4.1.02").contains("4.1.12").endsWith("4.2.1");
        assertThat(numbers).isSorted();
        Comparator<String> natural = Comparator.comparing(s -> s.split("\\."),
                (a, b) -> {
                    for (int i = 0; i < Math.min(a.length, b.length); i++) {
                        int c = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.compare(a.length, b.length);
                });
        assertThat(numbers).isSortedAccordingTo(natural);
    }
}

package grader.authoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotebookCheckTest {
    @Test
    void thePlantedMistakeReplacesTheSolutionRegion() {
        assertThat(NotebookCheck.plant("int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}",
                "    return 2;")).isEqualTo("int f() {\n    return 2;\n}");
    }
}

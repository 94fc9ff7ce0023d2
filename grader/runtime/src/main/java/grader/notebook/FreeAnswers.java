package grader.notebook;

import com.google.gson.JsonObject;
import grader.report.TestResult;
import java.util.List;

/**
 * Free-text answers, which a person grades: the autograder gives them no points and puts each one's text in its
 * question's results.json entry ({@code max_score} 0, the tag "manually graded"), where the course staff read it on
 * Gradescope and in the gradebook's results.
 */
final class FreeAnswers {
    private FreeAnswers() {
    }

    /** The student's answer to a free question, without solution markers; null when there is none yet. */
    static String answer(Question q, Notebook student) {
        if (student == null) {
            return null;
        }
        for (JsonObject cell : student.cells()) {
            if (q.id().equals(Notebook.string(student.meta(cell), "question"))) {
                String source = Notebook.source(cell);
                if (source.contains(Question.FREE_PLACEHOLDER) || source.isBlank()) {
                    return null;
                }
                return source.replace("<!-- BEGIN SOLUTION -->", "").replace("<!-- END SOLUTION -->", "");
            }
        }
        return null;
    }

    /** The results.json entry of a free question: no points either way; "passed" once something is written. */
    static TestResult entry(Question q, String answer) {
        TestResult t = QuestionResults.base(q);
        t.maxScore = 0;
        t.score = 0;
        t.status = answer == null ? "failed" : "passed";
        t.output = answer == null ? "no answer written yet (graded by hand, not by the autograder)"
                : "graded by hand, not by the autograder: the course staff read your answer here, as you wrote it:\n\n"
                        + answer.strip();
        t.tags = List.of("notebook", "manually graded", "problem " + q.problem());
        t.extraData.put("outcome", "manual");
        return t;
    }
}

package grader.report;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradescope's autograder results.json: the top-level score is the sum of the tests' scores.
 * See Gradescope's "Autograder Specifications" for the meaning of each field.
 */
public final class Results {
    public double score;
    @SerializedName("execution_time")
    public double executionTime;
    public String output;
    public String visibility = "visible";
    @SerializedName("stdout_visibility")
    public String stdoutVisibility = "hidden";
    public List<TestResult> tests = new ArrayList<>();
    /** Gradescope's leaderboard entries ({@code name}, {@code value}, {@code order}); null (left out) unless asked. */
    public List<java.util.Map<String, Object>> leaderboard;
    /**
     * Gradescope's optional top-level extra data (stored, never shown): what makes a regrade reproducible — the
     * grader's version and fingerprint, the tests' fingerprint — and, from a batch, the commit graded.
     */
    @SerializedName("extra_data")
    public java.util.Map<String, Object> extraData;

    /** The most the tests can earn. */
    public double maxScore() {
        return tests.stream().mapToDouble(t -> t.maxScore).sum();
    }
}

package grader.report;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/** One entry of {@code tests[]} in Gradescope's results.json. */
public final class TestResult {
    public String name;
    /** Gradescope's test number, such as "1.3.2": the TODO it grades (P.0 for none), then its place there. */
    public String number;
    public double score;
    @SerializedName("max_score")
    public double maxScore;
    /** "passed" or "failed". */
    public String status;
    public String output;
    public List<String> tags;
    public String visibility;
    /** Machine-readable details: problem, outcome, and for a failure how to reproduce it. */
    @SerializedName("extra_data")
    public Map<String, Object> extraData;
}

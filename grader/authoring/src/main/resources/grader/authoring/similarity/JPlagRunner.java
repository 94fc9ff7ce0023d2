import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.exceptions.BasecodeException;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Runs JPlag on a folder of submissions (one sub-folder each) against base code, and writes JPlag's report and a
 * table of every pair. JPlag's classes are Java 21, which the kit's javac 17 cannot compile against, so this file is
 * a resource that a Java 21+ launcher runs as a source file (grader.authoring.similarity.Similarity starts it).
 *
 * <p>Arguments: SUBMISSIONS BASE_CODE REPORT_ZIP PAIRS_TSV MIN_TOKENS
 */
public class JPlagRunner {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: JPlagRunner SUBMISSIONS BASE_CODE REPORT_ZIP PAIRS_TSV MIN_TOKENS");
            System.exit(2);
        }
        JPlagOptions options = new JPlagOptions(new JavaLanguage(), Set.of(new File(args[0])), Set.of())
                .withMinimumTokenMatch(Integer.parseInt(args[4]))
                .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
        JPlagResult result;
        try {
            result = JPlag.run(options.withBaseCodeSubmissionDirectory(new File(args[1])));
        } catch (BasecodeException e) {
            // Base code shorter than one match (a tiny homework) can hide nothing: compare without it.
            System.out.println("comparing without base code: " + e.getMessage());
            result = JPlag.run(options);
        }
        new ReportObjectFactory(new File(args[2])).createAndSaveReport(result);
        StringBuilder pairs = new StringBuilder("first\tsecond\tsimilarity\tmaximal_similarity\tmatched_tokens\n");
        for (JPlagComparison c : result.getAllComparisons()) {
            pairs.append(c.firstSubmission().getName()).append('\t').append(c.secondSubmission().getName())
                    .append('\t').append(String.format(Locale.ROOT, "%.4f", c.similarity())).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", c.maximalSimilarity())).append('\t')
                    .append(c.getNumberOfMatchedTokens()).append('\n');
        }
        Files.writeString(Path.of(args[3]), pairs, StandardCharsets.UTF_8);
    }
}

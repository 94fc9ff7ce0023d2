package hw.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * German–English sentence pairs in three splits: training, validation (scored every epoch) and test.
 *
 * @param name a description for the console and the run folder
 */
public record ParallelCorpus(String name, List<TranslationPair> train, List<TranslationPair> validation,
        List<TranslationPair> test) {
    /** The files of a split in Multi30k's layout, as {@code PREFIX.de.gz} and {@code PREFIX.en.gz}. */
    public static final String TRAIN = "train", VALIDATION = "val", TEST = "test_2016_flickr";

    public ParallelCorpus {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("ParallelCorpus " + name + ": no training pairs");
        }
    }

    /**
     * Reads Multi30k's layout from {@code dir}: {@code train}, {@code val} and {@code test_2016_flickr}, each as
     * {@code .de.gz} and {@code .en.gz} (gzip, UTF-8, one sentence per line, line k of one file the translation of
     * line k of the other). An uncompressed {@code .de}/{@code .en} pair is read when the gzip file is absent. A
     * missing file or files of different lengths are errors that name them.
     */
    public static ParallelCorpus read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("ParallelCorpus: " + dir + " is not a directory (expected Multi30k's"
                    + " train.de.gz, train.en.gz, val.*, test_2016_flickr.*)");
        }
        return new ParallelCorpus("Multi30k layout in " + dir, split(dir, TRAIN), split(dir, VALIDATION),
                split(dir, TEST));
    }

    /** The pairs of one split, {@code PREFIX.de(.gz)} with {@code PREFIX.en(.gz)}. */
    public static List<TranslationPair> split(Path dir, String prefix) {
        Path de = file(dir, prefix + ".de"), en = file(dir, prefix + ".en");
        List<String> german = lines(de), english = lines(en);
        if (german.size() != english.size()) {
            throw new IllegalArgumentException("ParallelCorpus: " + de + " has " + german.size() + " lines but " + en
                    + " has " + english.size() + "; line k of one must translate line k of the other");
        }
        List<TranslationPair> out = new ArrayList<>(german.size());
        for (int i = 0; i < german.size(); i++) {
            out.add(new TranslationPair(german.get(i), english.get(i)));
        }
        return out;
    }

    private static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz"), plain = dir.resolve(name);
        if (Files.exists(gz)) {
            return gz;
        }
        if (Files.exists(plain)) {
            return plain;
        }
        throw new IllegalArgumentException("ParallelCorpus: " + gz + " is missing (Multi30k's layout: train, val and"
                + " test_2016_flickr, each .de.gz and .en.gz)");
    }

    private static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("ParallelCorpus: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

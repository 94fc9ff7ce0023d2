package hw.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The loss curves of a run: one row per optimizer step (its learning rate and training loss) plus, where an
 * evaluation happened, the estimated train and validation losses. Step 0 holds the evaluation before training.
 */
public final class TrainingHistory {

    /**
     * One step. A value that was not measured at this step is NaN.
     *
     * @param step          the optimizer step (0: before the first)
     * @param learningRate  the learning rate of that step
     * @param trainLoss     the step's training loss (the mean over its micro-batches)
     * @param evalTrainLoss the estimated loss on training batches, in evaluation mode
     * @param valLoss       the estimated loss on validation batches
     */
    public record Row(int step, double learningRate, double trainLoss, double evalTrainLoss, double valLoss) {
        public boolean evaluated() {
            return !Double.isNaN(valLoss) || !Double.isNaN(evalTrainLoss);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public TrainingHistory() {
    }

    public TrainingHistory(List<Row> rows) {
        rows.forEach(this::add);
    }

    /** Appends a row; steps must increase. */
    public void add(Row row) {
        if (!rows.isEmpty() && row.step() <= last().step()) {
            throw new IllegalArgumentException("TrainingHistory: step " + row.step() + " after step " + last().step());
        }
        rows.add(row);
    }

    /** Records a training step. */
    public void recordStep(int step, double learningRate, double trainLoss) {
        add(new Row(step, learningRate, trainLoss, Double.NaN, Double.NaN));
    }

    /** Records an evaluation: into the row of {@code step} if it is the last one, else as a new row. */
    public void recordEval(int step, double evalTrainLoss, double valLoss) {
        if (!rows.isEmpty() && last().step() == step) {
            Row r = rows.remove(rows.size() - 1);
            rows.add(new Row(step, r.learningRate(), r.trainLoss(), evalTrainLoss, valLoss));
        } else {
            add(new Row(step, Double.NaN, Double.NaN, evalTrainLoss, valLoss));
        }
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The last row, or null when empty. */
    public Row last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /** The last evaluated row, or null when there was no evaluation. */
    public Row lastEvaluation() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).evaluated()) {
                return rows.get(i);
            }
        }
        return null;
    }

    /** Writes the rows as CSV: step,lr,train_loss,eval_train_loss,val_loss (unmeasured values left empty). */
    public void writeCsv(Path file) {
        StringBuilder csv = new StringBuilder("step,lr,train_loss,eval_train_loss,val_loss\n");
        for (Row r : rows) {
            csv.append(r.step()).append(',').append(cell(r.learningRate())).append(',').append(cell(r.trainLoss()))
                    .append(',').append(cell(r.evalTrainLoss())).append(',').append(cell(r.valLoss())).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, csv);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the loss curves to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}

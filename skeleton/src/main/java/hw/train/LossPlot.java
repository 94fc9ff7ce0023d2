package hw.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link TrainingHistory} with XChart: the losses over the steps on top — each step's training loss faint,
 * the evaluations bold — and the learning rate below, in one PNG.
 */
public final class LossPlot {
    private static final Color STEP_LOSS = new Color(0x9ecae1), EVAL_TRAIN = new Color(0x1f77b4),
            VAL = new Color(0xff7f0e), LR = new Color(0x2ca02c);

    private LossPlot() {
    }

    /** Writes the plot of {@code history} to {@code file} (replacing it). */
    public static void write(TrainingHistory history, Path file) throws IOException {
        BufferedImage image = image(history);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available in this JDK");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The plot as an image (a notebook cell shows it inline). */
    public static BufferedImage image(TrainingHistory history) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no window is ever opened
        }
        List<TrainingHistory.Row> rows = history.rows();
        XYChart loss = chart("Training run", "loss", 900, 440);
        XYChart lr = chart(null, "learning rate", 900, 200);
        lr.setXAxisTitle("step");
        boolean any = add(loss, "training loss (each step)", rows, TrainingHistory.Row::trainLoss, STEP_LOSS, false)
                | add(loss, "train loss (estimate)", rows, TrainingHistory.Row::evalTrainLoss, EVAL_TRAIN, true)
                | add(loss, "validation loss (estimate)", rows, TrainingHistory.Row::valLoss, VAL, true);
        boolean anyLr = add(lr, "learning rate", rows, TrainingHistory.Row::learningRate, LR, false);
        if (!any) {
            loss.setTitle("Training run: no steps yet");
            loss.addSeries("no steps yet", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        if (!anyLr) {
            lr.addSeries("learning rate", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        lr.getStyler().setLegendVisible(false);
        BufferedImage top = BitmapEncoder.getBufferedImage(loss), bottom = BitmapEncoder.getBufferedImage(lr);
        BufferedImage image = new BufferedImage(top.getWidth(), top.getHeight() + bottom.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static XYChart chart(String title, String yLabel, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    /** Adds the finite values of one column as a series; false when it has none. */
    private static boolean add(XYChart chart, String name, List<TrainingHistory.Row> rows,
            ToDoubleFunction<TrainingHistory.Row> column, Color color, boolean dots) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (TrainingHistory.Row r : rows) {
            double v = column.applyAsDouble(r);
            if (Double.isFinite(v)) {
                xs.add((double) r.step());
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            return false;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setLineColor(color);
        s.setMarker(dots ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE).setMarkerColor(color);
        return true;
    }
}

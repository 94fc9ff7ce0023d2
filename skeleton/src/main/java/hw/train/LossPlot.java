package hw.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a {@link TrainingHistory} as a PNG with the JDK alone (java.awt, headless): the losses over the steps on
 * top — each step's training loss faint, the evaluations bold — and the learning rate below.
 */
public final class LossPlot {
    private static final int WIDTH = 900, HEIGHT = 620, LEFT = 80, RIGHT = 30, TOP = 50;
    private static final int LOSS_HEIGHT = 380, GAP = 60, LR_HEIGHT = 90;
    private static final Color STEP_LOSS = new Color(0x9ecae1), EVAL_TRAIN = new Color(0x1f77b4),
            VAL = new Color(0xff7f0e), LR = new Color(0x2ca02c), GRID = new Color(0xe6e6e6);

    private LossPlot() {
    }

    /** Writes the plot of {@code history} to {@code file} (replacing it). */
    public static void write(TrainingHistory history, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no window is ever opened
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            draw(g, history.rows());
        } finally {
            g.dispose();
        }
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

    private static void draw(Graphics2D g, List<TrainingHistory.Row> rows) {
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
        g.drawString("Training run", LEFT, 30);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        if (rows.isEmpty()) {
            g.drawString("no steps yet", LEFT, TOP + 40);
            return;
        }
        double minStep = rows.get(0).step(), maxStep = rows.get(rows.size() - 1).step();
        if (maxStep == minStep) {
            maxStep = minStep + 1;
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        Panel loss = new Panel(LEFT, TOP, plotWidth, LOSS_HEIGHT, minStep, maxStep,
                range(rows, TrainingHistory.Row::trainLoss, TrainingHistory.Row::evalTrainLoss,
                        TrainingHistory.Row::valLoss));
        Panel lr = new Panel(LEFT, TOP + LOSS_HEIGHT + GAP, plotWidth, LR_HEIGHT, minStep, maxStep,
                range(rows, TrainingHistory.Row::learningRate));
        loss.axes(g, "loss", "%.2f");
        lr.axes(g, "learning rate", "%.1e");
        g.setColor(Color.DARK_GRAY);
        g.drawString("step", LEFT + plotWidth / 2 - 12, TOP + LOSS_HEIGHT + GAP + LR_HEIGHT + 38);

        loss.series(g, rows, TrainingHistory.Row::trainLoss, STEP_LOSS, 1f, false);
        loss.series(g, rows, TrainingHistory.Row::evalTrainLoss, EVAL_TRAIN, 2f, true);
        loss.series(g, rows, TrainingHistory.Row::valLoss, VAL, 2f, true);
        lr.series(g, rows, TrainingHistory.Row::learningRate, LR, 1.5f, false);

        int x = LEFT + plotWidth - 190, y = TOP + 12;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 8, y - 4, 190, 62);
        legend(g, x, y + 8, STEP_LOSS, "training loss (each step)");
        legend(g, x, y + 26, EVAL_TRAIN, "train loss (estimate)");
        legend(g, x, y + 44, VAL, "validation loss (estimate)");
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x, y - 4, x + 22, y - 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 30, y);
    }

    @SafeVarargs
    private static double[] range(List<TrainingHistory.Row> rows, ToDoubleFunction<TrainingHistory.Row>... columns) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (TrainingHistory.Row r : rows) {
            for (ToDoubleFunction<TrainingHistory.Row> c : columns) {
                double v = c.applyAsDouble(r);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-12, Math.abs(hi) * 0.05 + 1e-12);
        return new double[] {lo - pad, hi + pad};
    }

    /** A rectangle of the image mapped to data coordinates. */
    private record Panel(int x, int y, int width, int height, double minStep, double maxStep, double[] yRange) {
        int px(double step) {
            return x + (int) Math.round((step - minStep) / (maxStep - minStep) * width);
        }

        int py(double value) {
            return y + height - (int) Math.round((value - yRange[0]) / (yRange[1] - yRange[0]) * height);
        }

        void axes(Graphics2D g, String label, String format) {
            FontMetrics fm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (double v : ticks(yRange[0], yRange[1], height > 200 ? 6 : 3)) {
                int yy = py(v);
                g.setColor(GRID);
                g.drawLine(x, yy, x + width, yy);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, format, v);
                g.drawString(s, x - 6 - fm.stringWidth(s), yy + fm.getAscent() / 2 - 1);
            }
            for (double v : ticks(minStep, maxStep, 8)) {
                int xx = px(v);
                g.setColor(GRID);
                g.drawLine(xx, y, xx, y + height);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, "%.0f", v);
                g.drawString(s, xx - fm.stringWidth(s) / 2, y + height + fm.getAscent() + 4);
            }
            g.setColor(Color.GRAY);
            g.drawRect(x, y, width, height);
            g.setColor(Color.BLACK);
            g.drawString(label, x, y - 6);
        }

        void series(Graphics2D g, List<TrainingHistory.Row> rows, ToDoubleFunction<TrainingHistory.Row> column,
                Color color, float width, boolean dots) {
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            List<int[]> points = new ArrayList<>();
            for (TrainingHistory.Row r : rows) {
                double v = column.applyAsDouble(r);
                if (!Double.isFinite(v)) {
                    continue;
                }
                int px = px(r.step()), py = py(v);
                if (started) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    started = true;
                }
                points.add(new int[] {px, py});
            }
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            if (dots) {
                for (int[] p : points) {
                    g.fillOval(p[0] - 3, p[1] - 3, 7, 7);
                }
            }
        }
    }

    /** About {@code count} round values between lo and hi. */
    static List<Double> ticks(double lo, double hi, int count) {
        double span = hi - lo;
        double raw = span / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
            out.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
        return out;
    }
}

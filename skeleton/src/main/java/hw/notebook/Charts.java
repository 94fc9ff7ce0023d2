package hw.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures for the notebooks, drawn with XChart and returned as images: a cell whose last value is a
 * {@link BufferedImage} shows it inline (the Java kernel renders it as a PNG).
 */
public final class Charts {
    private Charts() {
    }

    /** Lines of y over x, one per entry of {@code series} (name → {x, y}), in insertion order. */
    public static BufferedImage lines(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(series.size() > 1);
        series.forEach((name, xy) -> {
            XYSeries s = chart.addSeries(name, xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        });
        return image(chart);
    }

    /**
     * A matrix as a heat map, such as attention weights: row i is a query position, column j a key position, and
     * the colour is {@code weights[i][j]}. {@code labels} (optional) names the positions.
     */
    public static BufferedImage heatMap(String title, double[][] weights, List<String> labels) {
        int rows = weights.length, cols = weights[0].length;
        List<String> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            xs.add(labels != null && j < labels.size() ? labels.get(j) : String.valueOf(j));
        }
        for (int i = 0; i < rows; i++) {
            ys.add(labels != null && i < labels.size() ? labels.get(i) : String.valueOf(i));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cells.add(new Number[] {j, i, weights[i][j]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(480).title(title)
                .xAxisTitle("key position").yAxisTitle("query position").build();
        chart.getStyler().setShowValue(rows * cols <= 100);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x1f77b4), new Color(0x08306b)});
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("weight", xs, ys, cells);
        return image(chart);
    }

    static BufferedImage image(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no window is ever opened
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}

package grader.authoring.classview;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The class report's charts, drawn with XChart (the homework's chart library) as SVG, so the page stays one
 * self-contained file that scales sharply.
 */
final class ReportCharts {
    /** Best to worst, as {@link ClassAnalysis#BINS}: green to red. */
    private static final Color[] BIN_COLORS = {new Color(0x2e7d32), new Color(0x8bc34a), new Color(0xffc107),
        new Color(0xff7043), new Color(0xc62828)};

    private ReportCharts() {
    }

    /** Students per score bin, one stacked bar per problem. */
    static String problemDistribution(List<ClassAnalysis.ProblemStats> problems, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).xAxisTitle("Problem")
                .yAxisTitle("Students").build();
        style(chart);
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setSeriesColors(BIN_COLORS);
        List<String> x = problems.stream().map(p -> String.valueOf(p.problem())).toList();
        for (int b = 0; b < ClassAnalysis.BINS.size(); b++) {
            List<Integer> y = new ArrayList<>();
            for (ClassAnalysis.ProblemStats p : problems) {
                y.add(p.bins()[b]);
            }
            chart.addSeries(ClassAnalysis.BINS.get(b), x, y);
        }
        return svg(chart);
    }

    /** The share of students failing each of the most failed tests. */
    static String failureRates(List<ClassAnalysis.TestStats> tests, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).xAxisTitle("Test")
                .yAxisTitle("Students failing (%)").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xc62828)});
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setYAxisMin(0.0);
        List<String> x = tests.stream().map(ClassAnalysis.TestStats::number).toList();
        List<Double> y = tests.stream().map(t -> 100 * t.failureRate()).toList();
        chart.addSeries("failing", x.isEmpty() ? List.of("none") : x, y.isEmpty() ? List.of(0.0) : y);
        return svg(chart);
    }

    private static void style(CategoryChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
    }

    /** The chart as an inline SVG element (the encoder's XML prolog and doctype left out). */
    private static String svg(CategoryChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart: " + e.getMessage(), e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start);
    }
}

package dev.nwf.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** `nwf eval --plot`: bits per subpixel per resolution, one line per model (JFreeChart). */
final class EvalPlot {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private EvalPlot() {
    }

    static JFreeChart chart(String title, List<EvalCommand.ModelRows> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (EvalCommand.ModelRows m : results) {
            for (EvalCommand.Row r : m.rows()) {
                String size = r.size().equals("full") ? "full" : r.size() + "×" + r.size();
                if (!Double.isNaN(r.bpsp())) data.addValue(r.bpsp(), m.model() + " (" + m.family() + ")", size);
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(title, "resolution", "bits per subpixel", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false); // the differences are what matter
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < data.getRowCount(); i++) renderer.setSeriesStroke(i, new BasicStroke(2f));
        return chart;
    }

    static void write(JFreeChart chart, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }
}

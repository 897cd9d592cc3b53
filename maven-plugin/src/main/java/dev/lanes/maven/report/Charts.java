package dev.lanes.maven.report;

import dev.lanes.nn.EpochLogs;
import dev.lanes.nn.History;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.OutOfFold;
import dev.lanes.tune.SplitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts, drawn by JFreeChart into inline SVG (JFreeSVG): text rather than pixels, so the
 * report stays small, sharp at any zoom, and byte-for-byte the same for the same results (the SVG's
 * id prefix is fixed instead of JFreeSVG's clock-based default), with a {@code viewBox} so that the page
 * scales them to its width. Needs no display
 * ({@code java.awt.headless=true} in the worker).
 */
final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int SMALL_WIDTH = 370;
    private static final int SMALL_HEIGHT = 260;
    /** Points of a scatter chart at most. */
    private static final int MAX_POINTS = 1000;
    /** The mark of a scatter point: a square, the shortest path in SVG. */
    private static final Rectangle2D POINT = new Rectangle2D.Double(-1.5, -1.5, 3, 3);
    /** Learning curves of at most this many epochs mark each epoch. */
    private static final int MARKED_EPOCHS = 30;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color BLUE = new Color(0x1F, 0x77, 0xB4);
    private static final Color ORANGE = new Color(0xFF, 0x7F, 0x0E);
    private static final Color RED = new Color(0xBB, 0x00, 0x00);
    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    /** One colour per split: the Tableau palette without its red, which marks failures in the other charts. */
    private static final Color[] SPLIT_COLOURS = {BLUE, ORANGE, new Color(0x2C, 0xA0, 0x2C), new Color(0x94, 0x67, 0xBD),
        new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22),
        new Color(0x17, 0xBE, 0xCF)};

    private Charts() {
    }

    /**
     * Every candidate's mean cross-validated score with a bar of ± one standard deviation over the
     * folds, best first; candidates without a score (a fit failed or diverged) are drawn in red at the
     * top of the chart, so that they are seen rather than silently missing.
     */
    static String cvScores(List<CandidateResult> byRank, String scoring, int folds) {
        YIntervalSeries series = new YIntervalSeries("mean " + scoring + " ± std over " + folds + " folds");
        YIntervalSeries failed = new YIntervalSeries("no score (a fit failed or diverged), drawn at the top");
        double top = Double.NEGATIVE_INFINITY;
        for (CandidateResult c : byRank) {
            if (Double.isFinite(c.meanScore())) {
                top = Math.max(top, c.meanScore() + (Double.isFinite(c.stdScore()) ? c.stdScore() : 0));
            }
        }
        int position = 0;
        for (CandidateResult c : byRank) {
            position++;
            if (Double.isFinite(c.meanScore())) {
                series.add(position, c.meanScore(), c.meanScore() - c.stdScore(), c.meanScore() + c.stdScore());
            } else if (Double.isFinite(top)) {
                failed.add(position, top, top, top);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        if (failed.getItemCount() > 0) {
            data.addSeries(failed);
        }
        NumberAxis x = new NumberAxis("candidate, in rank order (1 = best)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("cross-validated " + scoring);
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, RED);
        renderer.setErrorPaint(new Color(0x1F, 0x77, 0xB4, 0x99));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return svg(new JFreeChart("Cross-validated " + scoring + " of every candidate", TITLE, style(plot), true), "cv");
    }

    /**
     * The effect of one hyperparameter: for each of its values, the best and the median mean score of
     * the candidates that have it, the chart people draw by hand from {@code cv_results_}.
     *
     * @param values the values in display order, each with its best and median score
     */
    static String effect(String parameter, List<String> values, double[] best, double[] median, String scoring) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.size(); i++) {
            data.addValue(best[i], "best", values.get(i));
            data.addValue(median[i], "median", values.get(i));
        }
        NumberAxis y = new NumberAxis(scoring);
        y.setAutoRangeIncludesZero(false);
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, ORANGE);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(parameter), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        return svg(new JFreeChart(parameter, TITLE, plot, true), "effect-" + parameter.replaceAll("[^A-Za-z0-9_]", "_"),
                SMALL_WIDTH, SMALL_HEIGHT);
    }

    /** The training loss per epoch (and the validation loss, when there is one) of a fit. */
    static String learningCurve(History history, String title) {
        XYSeries loss = new XYSeries("training loss");
        XYSeries validation = new XYSeries("validation loss");
        for (EpochLogs e : history.epochs()) {
            if (Double.isFinite(e.loss())) {
                loss.add(e.epoch() + 1, e.loss());
            }
            if (e.validationLoss().isPresent() && Double.isFinite(e.validationLoss().getAsDouble())) {
                validation.add(e.epoch() + 1, e.validationLoss().getAsDouble());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(loss);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("loss (scaled target)");
        y.setAutoRangeIncludesZero(false);
        // A marker per epoch helps for a few epochs; beyond, markers turn the line into a thick smear.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, history.epochs().size() <= MARKED_EPOCHS);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, ORANGE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return svg(new JFreeChart(title, TITLE, style(plot), true), "curve");
    }

    /** The training loss per epoch of each split of one candidate (one with a score), one line per split. */
    static String foldCurves(CandidateResult c, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int longest = 0;
        for (SplitResult s : c.splits()) {
            XYSeries series = new XYSeries("split " + s.fold());
            List<Double> loss = s.trainingLoss();
            for (int e = 0; e < loss.size(); e++) {
                series.add(e + 1, loss.get(e));
            }
            longest = Math.max(longest, loss.size());
            int i = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
            renderer.setSeriesPaint(i, SPLIT_COLOURS[i % SPLIT_COLOURS.length]);
        }
        renderer.setDefaultShapesVisible(longest <= MARKED_EPOCHS);
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("training loss (scaled target)");
        y.setAutoRangeIncludesZero(false);
        return svg(new JFreeChart(title, TITLE, style(new XYPlot(data, x, y, renderer)), true),
                "folds-" + c.index(), SMALL_WIDTH, SMALL_HEIGHT);
    }

    /**
     * Successive halving round by round: one line per candidate through the mean score of each round it
     * reached, grey for those eliminated, blue for those of the last round, orange for the best. A round's
     * candidates without a score are drawn in red at the top, as in {@link #cvScores}.
     *
     * @param rounds   per candidate (in any fixed order), its mean score in each round it was fitted in
     * @param last     the last round's number
     * @param best     the best candidate's position in {@code rounds}, -1 when none has a score
     */
    static String halvingRounds(List<double[]> rounds, int last, int best, String scoring) {
        double top = Double.NEGATIVE_INFINITY;
        for (double[] r : rounds) {
            for (double v : r) {
                top = Double.isFinite(v) ? Math.max(top, v) : top;
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYSeries failed = new XYSeries("no score", false);
        for (int c = 0; c < rounds.size(); c++) {
            double[] r = rounds.get(c);
            XYSeries line = new XYSeries("candidate " + c, false);
            for (int round = 0; round < r.length; round++) {
                if (Double.isFinite(r[round])) {
                    line.add(round, r[round]);
                } else if (Double.isFinite(top)) {
                    failed.add(round, top);
                }
            }
            int i = data.getSeriesCount();
            data.addSeries(line);
            boolean survivor = r.length == last + 1;
            renderer.setSeriesPaint(i, c == best ? ORANGE : survivor ? BLUE : new Color(0xAA, 0xAA, 0xAA));
            renderer.setSeriesStroke(i, new BasicStroke(c == best ? 2.5f : survivor ? 1.5f : 0.8f));
            renderer.setSeriesShape(i, POINT);
        }
        if (failed.getItemCount() > 0) {
            int i = data.getSeriesCount();
            data.addSeries(failed);
            renderer.setSeriesLinesVisible(i, false);
            renderer.setSeriesPaint(i, RED);
            renderer.setSeriesShape(i, POINT);
        }
        renderer.setDrawOutlines(false);
        NumberAxis x = new NumberAxis("round (more resources each round)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(-0.2, last + 0.2);
        XYPlot plot = new XYPlot(data, x, axis("mean " + scoring + " over the folds"), renderer);
        return svg(new JFreeChart("Successive halving: each candidate round by round", TITLE, style(plot), false), "rounds");
    }

    /** The best candidate's out-of-fold predictions against the targets, with the line of perfect predictions. */
    static String predictedVsActual(OutOfFold oof, String target) {
        int step = pointStep(oof);
        XYSeries points = new XYSeries(pointsLabel("test rows of each fold", step), false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < oof.actual().size(); i += step) {
            double a = oof.actual().get(i);
            points.add(a, oof.predicted().get(i));
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        XYSeries diagonal = new XYSeries("predicted = actual", false);
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, POINT);
        renderer.setDrawOutlines(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, GREY);
        XYSeriesCollection data = new XYSeriesCollection(points);
        data.addSeries(diagonal);
        XYPlot plot = new XYPlot(data, axis("actual " + target), axis("predicted " + target), renderer);
        return svg(new JFreeChart("Out-of-fold predictions of the best candidate", TITLE, style(plot), true),
                "oof-predicted", SMALL_WIDTH, SMALL_HEIGHT);
    }

    /** Residuals, actual minus predicted, against the prediction: a pattern here is what the model misses. */
    static String residuals(OutOfFold oof, String target) {
        int step = pointStep(oof);
        XYSeries points = new XYSeries(pointsLabel("actual - predicted", step), false);
        for (int i = 0; i < oof.actual().size(); i += step) {
            points.add((double) oof.predicted().get(i), oof.actual().get(i) - oof.predicted().get(i));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, POINT);
        renderer.setDrawOutlines(false);
        renderer.setSeriesPaint(0, BLUE);
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), axis("predicted " + target), axis("residual"), renderer);
        plot.addRangeMarker(new ValueMarker(0, GREY, new BasicStroke(1f)));
        return svg(new JFreeChart("Residuals of the best candidate", TITLE, style(plot), true),
                "oof-residuals", SMALL_WIDTH, SMALL_HEIGHT);
    }

    /** Every how many rows a scatter draws one: at most {@value #MAX_POINTS} points, so the page stays small. */
    private static int pointStep(OutOfFold oof) {
        return Math.max(1, (oof.actual().size() + MAX_POINTS - 1) / MAX_POINTS);
    }

    private static String pointsLabel(String what, int step) {
        return step == 1 ? what : what + ", every " + step + "th row";
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static XYPlot style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return plot;
    }

    private static String svg(JFreeChart chart, String id) {
        return svg(chart, id, WIDTH, HEIGHT);
    }

    private static String svg(JFreeChart chart, String id, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // The default prefix comes from System.nanoTime(): fixed, the same results give the same bytes.
        g.setDefsKeyPrefix(id);
        // A tenth of a unit in a view box of hundreds is finer than any screen; the default 15 digits
        // made a scatter of 2,000 points weigh 2.4 MB.
        g.setGeomDoubleConverter(v -> String.format(Locale.ROOT, "%.1f", v));
        g.setTransformDoubleConverter(v -> String.format(Locale.ROOT, "%.2f", v));
        chart.draw(g, new Rectangle(0, 0, width, height));
        // A viewBox without fixed dimensions: the page's CSS scales the chart down to a phone's width.
        return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    }
}

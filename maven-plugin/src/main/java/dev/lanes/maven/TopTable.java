package dev.lanes.maven;

import dev.lanes.maven.job.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The log's table of the best candidates (of the last round, after successive halving): rank, mean ± std score, mean fit time per fold and the
 * parameters that differ between candidates (those set alike in all are listed once below).
 */
final class TopTable {

    private TopTable() {
    }

    /** The table's lines for the {@code n} best candidates of {@code outcome}. */
    static List<String> lines(SearchSummary outcome, int n) {
        List<SearchSummary.Candidate> all = outcome.byRank();
        SortedMap<String, String> same = new TreeMap<>(all.isEmpty() ? Map.of() : all.get(0).params());
        for (SearchSummary.Candidate c : all) {
            same.entrySet().removeIf(e -> !e.getValue().equals(c.params().get(e.getKey())));
        }
        List<SearchSummary.Candidate> top = all.subList(0, Math.min(n, all.size()));
        List<String> scores = new ArrayList<>();
        int width = outcome.scoring().length() + " mean ± std".length();
        for (SearchSummary.Candidate c : top) {
            String s = Formats.format(c.mean()) + " ± " + Formats.format(c.std());
            scores.add(s);
            width = Math.max(width, s.length());
        }
        List<String> lines = new ArrayList<>();
        boolean halving = all.size() < outcome.candidates().size();
        lines.add("Top " + top.size() + " of " + all.size() + " candidates" + (halving ? " of the last round" : "") + " by "
                + outcome.scoring() + " (mean ± std over "
                + outcome.splits() + " folds):");
        lines.add(String.format(Locale.ROOT, "  %4s  %-" + width + "s  %9s  %s", "rank", outcome.scoring() + " mean ± std",
                "fit time", "parameters"));
        for (int i = 0; i < top.size(); i++) {
            SearchSummary.Candidate c = top.get(i);
            SortedMap<String, String> varying = new TreeMap<>(c.params());
            varying.keySet().removeAll(same.keySet());
            lines.add(String.format(Locale.ROOT, "  %4d  %-" + width + "s  %9s  %s", c.rank(), scores.get(i),
                    Double.isNaN(c.meanFitSeconds()) ? "?" : Formats.seconds(c.meanFitSeconds()),
                    varying.isEmpty() ? "(all alike)" : Formats.params(varying)));
        }
        if (!same.isEmpty() && all.size() > 1) {
            lines.add("  set in every candidate: " + Formats.params(same));
        }
        return lines;
    }
}

package dev.lanes.maven;

import dev.lanes.maven.job.GridSearchResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit XML and Markdown reports of the gate, parsed as the tools that read them do. */
class GateReportsTest {

    private static final List<Verdict> VERDICTS = List.of(
            new Verdict("target", "y varies", "std 2", Verdict.Status.PASS),
            new Verdict("maxRmse", "rmse <= 10", "12.5", Verdict.Status.FAIL),
            new Verdict("r2 min", "r2 >= 0.5", "0.4", Verdict.Status.WARN),
            new Verdict("rmse maxRegression", "rmse against the baseline", "the baseline <b.json> has no best rmse | score",
                    Verdict.Status.ERROR));

    private static SearchSummary run() {
        TreeMap<String, String> params = new TreeMap<>(Map.of("activation", "relu", "hidden_layers", "64|32"));
        return new SearchSummary("rmse", "0123456789abcdef", "y", new GridSearchResults.TargetSummary(1, 2, 0, 9), 60, 3, 3, 3,
                42, "panama", OptionalInt.of(0), Map.of("rmse", 12.5), Map.of(), Map.of(),
                List.of(new SearchSummary.Candidate(0, 1, params, 12.5, 0.25, 0.1, 0)));
    }

    @Test
    void theJUnitReportHasATestCasePerCheckWithFailuresErrorsAndWarnings() throws Exception {
        String xml = GateReports.junit(VERDICTS, run());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("nn-gate", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element pass = (Element) cases.item(0);
        assertEquals("target: y varies", pass.getAttribute("name"));
        assertEquals(0, pass.getChildNodes().getLength());
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("maxRmse: actual 12.5, threshold rmse <= 10", failure.getAttribute("message"));
        assertEquals("nn-gate.FAIL", failure.getAttribute("type"));
        Element warning = (Element) ((Element) cases.item(2)).getElementsByTagName("system-out").item(0);
        assertEquals("WARNING r2 min: actual 0.4, threshold r2 >= 0.5", warning.getTextContent());
        Element error = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
        assertTrue(error.getAttribute("message").contains("the baseline <b.json> has no best rmse | score"));
        Element properties = (Element) suite.getElementsByTagName("properties").item(0);
        assertEquals(5, properties.getElementsByTagName("property").getLength());
        assertFalse(xml.contains("timestamp"), "no date: the same run gives the same bytes");
    }

    @Test
    void theMarkdownSummaryHasTheVerdictTheChecksAndTheTopCandidates() {
        String md = GateReports.markdown("Model quality gate FAILED: 1 of 4 checks violated", VERDICTS, run());
        assertTrue(md.startsWith("## Model quality gate FAILED: 1 of 4 checks violated\n\n1 candidates, 3 folds, 60 rows of"
                + " `0123456789ab` (target `y`), scored by rmse.\n\n"), md);
        assertTrue(md.contains("| check | condition | actual | status |\n|---|---|---|---|\n| target | y varies | std 2 | ✅ PASS |\n"), md);
        assertTrue(md.contains("| maxRmse | rmse <= 10 | 12.5 | ❌ FAIL |"), md);
        assertTrue(md.contains("| r2 min | r2 >= 0.5 | 0.4 | ⚠️ WARN |"), md);
        assertTrue(md.contains("has no best rmse \\| score | ⛔ ERROR |"), md);
        assertTrue(md.contains("| 1 | 12.5 ± 0.25 | activation=relu, hidden_layers=64\\|32 |"), md);
    }

    @Test
    void reportsAreWrittenAndTheSummaryAppended(@TempDir Path dir) throws Exception {
        GateReports.write(dir, "verdict", VERDICTS, run());
        assertEquals(GateReports.junit(VERDICTS, run()), Files.readString(dir.resolve(GateReports.JUNIT)));
        assertEquals(GateReports.markdown("verdict", VERDICTS, run()), Files.readString(dir.resolve(GateReports.SUMMARY)));
        Path step = Files.writeString(dir.resolve("step-summary.md"), "# earlier step\n");
        GateReports.appendSummary(step, "verdict", VERDICTS, run());
        assertEquals("# earlier step\n" + GateReports.markdown("verdict", VERDICTS, run()), Files.readString(step));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file is left");
        }
    }
}

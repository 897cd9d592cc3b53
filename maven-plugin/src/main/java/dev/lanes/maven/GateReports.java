package dev.lanes.maven;

import dev.lanes.maven.job.Formats;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The gate's verdicts as CI systems and reviewers read them, written on every build (also when the
 * search is reused, since the rules may have changed): {@value #JUNIT}, a JUnit XML report in the format
 * Surefire writes, which Jenkins, GitLab and GitHub Actions show in their test views (one test case per
 * check; a failure per FAIL, an error per ERROR, a WARN as a passed case with its warning in
 * {@code system-out}); and {@value #SUMMARY}, a Markdown summary for a pull-request comment or a job
 * summary (the verdict, the reference models' scores, the checks, the top candidates), also appended to the file that
 * {@code GITHUB_STEP_SUMMARY} names when GitHub Actions sets it. Neither holds a time or a date, so
 * the same run gives the same bytes.
 */
final class GateReports {

    /** The JUnit XML report's file name: CI tools collect {@code TEST-*.xml}. */
    static final String JUNIT = "TEST-nn-gate.xml";
    /** The Markdown summary's file name. */
    static final String SUMMARY = "summary.md";
    /** Candidates listed in the summary. */
    private static final int TOP = 5;

    private GateReports() {
    }

    /** Writes both reports into {@code dir}, each through a temporary file, so a kill leaves no torn report. */
    static void write(Path dir, String verdict, List<Verdict> verdicts, SearchSummary run) throws IOException {
        replace(dir.resolve(JUNIT), junit(verdicts, run));
        replace(dir.resolve(SUMMARY), markdown(verdict, verdicts, run));
    }

    /** Appends the Markdown summary to {@code file} (GitHub Actions' {@code GITHUB_STEP_SUMMARY}). */
    static void appendSummary(Path file, String verdict, List<Verdict> verdicts, SearchSummary run) throws IOException {
        Files.writeString(file, markdown(verdict, verdicts, run), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The JUnit XML report: a test suite {@code nn-gate} with one test case per check. */
    static String junit(List<Verdict> verdicts, SearchSummary run) {
        long failures = verdicts.stream().filter(v -> v.status() == Verdict.Status.FAIL).count();
        long errors = verdicts.stream().filter(v -> v.status() == Verdict.Status.ERROR).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "nn-gate");
            xml.writeAttribute("tests", Integer.toString(verdicts.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "scoring", run.scoring());
            property(xml, "dataset.sha256", run.sha256());
            property(xml, "target", run.target());
            property(xml, "rows", Integer.toString(run.rows()));
            property(xml, "simd", run.simd());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (Verdict v : verdicts) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "nn-gate");
                xml.writeAttribute("name", v.rule() + ": " + v.condition());
                xml.writeAttribute("time", "0");
                switch (v.status()) {
                    case FAIL -> outcome(xml, "failure", v);
                    case ERROR -> outcome(xml, "error", v);
                    case WARN -> {
                        xml.writeCharacters("\n    ");
                        xml.writeStartElement("system-out");
                        xml.writeCharacters("WARNING " + v.failure());
                        xml.writeEndElement();
                        xml.writeCharacters("\n  ");
                    }
                    case PASS -> {
                    }
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text.toString();
    }

    /** The Markdown summary: the verdict, a table of the checks, the best candidates. */
    static String markdown(String verdict, List<Verdict> verdicts, SearchSummary run) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(cell(verdict)).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d candidates, %d folds, %d rows of `%s` (target `%s`), scored by %s.%n%n",
                run.candidates().size(), run.splits(), run.rows(), Formats.shortHash(run.sha256()), cell(run.target()), run.scoring()));
        if (!run.references().isEmpty()) {
            md.append("Reference models on the same splits: ").append(cell(run.referenceScores())).append(".\n\n");
        }
        md.append("| check | condition | actual | status |\n|---|---|---|---|\n");
        for (Verdict v : verdicts) {
            md.append("| ").append(cell(v.rule())).append(" | ").append(cell(v.condition())).append(" | ")
                    .append(cell(v.actual())).append(" | ").append(status(v.status())).append(" |\n");
        }
        List<SearchSummary.Candidate> top = run.byRank();
        top = top.subList(0, Math.min(TOP, top.size()));
        if (!top.isEmpty()) {
            md.append("\n| rank | ").append(run.scoring()).append(" mean ± std | parameters |\n|---:|---:|---|\n");
            for (SearchSummary.Candidate c : top) {
                md.append("| ").append(c.rank()).append(" | ").append(Formats.format(c.mean())).append(" ± ")
                        .append(Formats.format(c.std())).append(" | ").append(cell(Formats.params(c.params()))).append(" |\n");
            }
        }
        return md.append('\n').toString();
    }

    private static void outcome(XMLStreamWriter xml, String element, Verdict v) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", v.failure());
        xml.writeAttribute("type", "nn-gate." + v.status());
        xml.writeCharacters(v.line());
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String status(Verdict.Status s) {
        return switch (s) {
            case PASS -> "✅ PASS";
            case WARN -> "⚠️ WARN";
            case FAIL -> "❌ FAIL";
            case ERROR -> "⛔ ERROR";
        };
    }

    /** Text safe in a Markdown table cell: pipes escaped, line breaks flattened. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

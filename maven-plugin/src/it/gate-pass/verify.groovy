import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/nn')

// The summary, progress and the SIMD state come first.
assert log.contains('[INFO] Grid search of data/mixed.csv: 60 rows, 6 features, target y')
assert log =~ /SIMD on: panama \(\d+ float lanes/
assert log =~ /12\/12 fits \(100%\)/
// Five rules on four metrics, one search: every metric is scored from the same fits.
assert log.count('12/12 fits (100%)') == 1
// Every rule has its verdict line, and the final verdict passes.
['maxMse', 'maxRmse', 'maxMae', 'minR2', 'maxRegressionPercent'].each { rule ->
    assert log =~ /\[INFO\] ${rule} +threshold .* actual .* PASS/
}
assert log.contains('Model quality gate PASSED: 7 of 7 checks met')
// The gate's reports: JUnit XML with a test case per check, the Markdown summary.
def suite = new XmlSlurper().parse(new File(out, 'TEST-nn-gate.xml'))
assert suite.@name == 'nn-gate' && suite.@tests == '7' && suite.@failures == '0' && suite.@errors == '0'
assert suite.testcase.size() == 7
assert suite.testcase[0].@name == 'target: y varies'
def summary = new File(out, 'summary.md').text
assert summary.startsWith('## Model quality gate PASSED: 7 of 7 checks met')
assert summary.contains('| maxRmse | rmse <= ')
assert log.contains('Top 4 of 4 candidates by rmse')

// gridsearch.json: every candidate, the best, the environment; the gate's metrics computed.
def json = new JsonSlurper().parse(new File(out, 'gridsearch.json'))
assert json.format == 'lanes-gridsearch/2'
assert json.dataset.rows == 60
assert json.dataset.features == ['x1', 'x2', 'x3', 'region=north', 'region=south', 'region=west']
assert json.search.scoring == 'rmse'
assert json.search.extra_metrics == ['mse', 'mae', 'r2']
assert json.candidates.size() == 4
assert json.best_scores.keySet() == ['rmse', 'mse', 'mae', 'r2'] as Set
assert json.best_score == json.candidates[json.best_index].test.rmse.mean
assert json.candidates.every { it.splits*.status == ['ok', 'ok', 'ok'] }
assert json.environment.java_version
assert json.refit.model == 'best-model.lanes'
assert json.refit.history.size() == 5
assert !new File(out, 'gridsearch.json').text.contains('time')

// gridsearch.csv: scikit-learn's cv_results_ column names.
def csv = new File(out, 'gridsearch.csv').readLines()
assert csv.size() == 5
assert csv[0].startsWith('params,param_activation,param_epochs,param_hidden_layers,param_learning_rate,'
        + 'split0_test_score,split1_test_score,split2_test_score,mean_test_score,std_test_score,rank_test_score,')
assert csv[0].contains('mean_test_mae')

// report.html: self-contained, with the charts as inline SVG and the table of candidates.
def html = new File(out, 'report.html').text
assert html.contains('<table id="candidates">')
// The scores, the learning curve, one chart per varying hyperparameter (activation, hidden_layers), and
// the fold-by-fold learning curves of the three best candidates, a line per split, and the best
// candidate's out-of-fold predictions and residuals.
assert html.count('<svg') == 9
assert html.contains("<svg id='oof-predicted'") && html.contains("<svg id='oof-residuals'")
assert html.contains('<h2>Learning curves of the top candidates, split by split</h2>')
assert (html =~ /<svg id='folds-\d+'/).size() == 3
assert html.contains('split 0') && html.contains('split 2')
assert html.contains('<h2>Effect of each hyperparameter</h2>')
assert html.contains("<svg id='effect-activation'") && html.contains("<svg id='effect-hidden_layers'")
// Charts scale with the page: a viewBox, no fixed width.
assert (html =~ /<svg id='cv'[^>]*viewBox='0.0 0.0 760.0 340.0'/)
assert !(html =~ /<svg id='cv'[^>]* width=/)
assert !html.contains('src="http') && !html.contains('<script')

// report.html in a real browser: Debian's headless Chromium parses the page and draws it, wide and as
// narrow as a phone; the charts' blue (JFreeChart's first series colour) must reach the pixels at both
// widths. .ci/run installs Chromium and sets LANES_REQUIRE_BROWSER, so there the check cannot be skipped.
def chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find { new File(it).canExecute() }
if (chromium == null) {
    assert !System.getenv('LANES_REQUIRE_BROWSER'): 'LANES_REQUIRE_BROWSER is set but no Chromium was found'
    println 'report.html browser check skipped: no /usr/bin/chromium (apt-get install chromium)'
} else {
    def page = new File(out, 'report.html').toURI().toString()
    def browse = { List<String> args ->
        def command = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                       '--user-data-dir=' + new File(basedir, 'target/chromium-profile')] + args + [page]
        def process = new ProcessBuilder(command*.toString()).redirectError(new File(basedir, 'target/chromium.log')).start()
        def text = process.inputStream.text
        // A guard against a hang only: Chromium draws this page in about a second.
        assert process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS): 'Chromium did not finish: ' + command
        assert process.exitValue() == 0: 'Chromium failed, see target/chromium.log'
        text
    }
    def dom = browse(['--dump-dom'])
    assert dom.count('<svg') == 9
    assert (dom =~ /<table id="candidates">/)
    // The header row and one row per candidate, as the browser parsed them.
    def table = dom.substring(dom.indexOf('<table id="candidates">'))
    assert table.substring(0, table.indexOf('</table>')).count('<tr') == 5
    [[1280, 2400], [390, 3000]].each { size ->
        def png = new File(basedir, "target/report-${size[0]}.png")
        browse(["--window-size=${size[0]},${size[1]}", '--screenshot=' + png])
        def image = javax.imageio.ImageIO.read(png)
        assert image.width == size[0]
        int blue = 0
        for (int y = 0; y < image.height; y += 2) {
            for (int x = 0; x < image.width; x += 2) {
                int rgb = image.getRGB(x, y)
                if (Math.abs(((rgb >> 16) & 255) - 31) < 12 && Math.abs(((rgb >> 8) & 255) - 119) < 12
                        && Math.abs((rgb & 255) - 180) < 12) {
                    blue++
                }
            }
        }
        assert blue > 50: "the charts drew ${blue} blue pixels in a ${size[0]} px wide window"
    }
}

// timings.json holds the clock.
def timings = new JsonSlurper().parse(new File(out, 'timings.json'))
assert timings.candidates.size() == 4 && timings.candidates[0].mean_fit_time > 0
assert timings.core_utilisation > 0 && timings.fit_cpu_seconds > 0 && !timings.containsKey('pass_seconds')

// The model loads through the core API and predicts raw rows in the target's units.
def model = dev.lanes.nn.Model.load(new File(out, 'best-model.lanes').toPath())
assert model.scalers().isPresent()
assert model.scalers().get().featureNames() == json.dataset.features
def row = dev.lanes.base.Matrix.wrap(1, 6, [0.5f, 2.0f, Float.NaN, 0f, 1f, 0f] as float[])
def predicted = model.predictRaw(row).toArray()[0]
assert Float.isFinite(predicted) && predicted > -50 && predicted < 50

// best-model.onnx is the same network as an ONNX graph on raw features (run in ONNX Runtime by lanes-onnx's tests).
def onnx = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(new File(out, 'best-model.onnx').bytes)
def meta = onnx.metadataPropsList.collectEntries { [(it.key): it.value] }
assert meta['lanes.features'] == json.dataset.features.join(',')
assert onnx.graph.getInput(0).name == 'features' && onnx.graph.getOutput(0).name == 'prediction'
true

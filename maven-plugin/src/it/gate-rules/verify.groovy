import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/nn')

// 1. Each <rule> bound is a check with its severity; a violated warn rule does not fail the build.
assert log =~ /\[INFO\] rmse max +threshold rmse <= 1000 +actual \d+\.\d+ +PASS/
assert log =~ /\[WARNING\] r2 min +threshold r2 >= 0\.9999 +actual -?\d+\.\d+ +WARN/
assert log.contains('[WARNING] Model quality gate PASSED with 1 warning: r2 min: actual ')
// The reference models are scored on the same splits and logged; the network beats the mean predictor by 10 %.
assert log =~ /\[INFO\] Reference models on the same folds: linear_regression rmse \d+\.\d+, mean rmse \d+\.\d+ \(a <rule> with <beat> gates on them\)/
assert log =~ /\[INFO\] rmse beat mean +threshold rmse <= \d+\.\d+ \(mean \d+\.\d+ - 10%\) +actual \d+\.\d+ \(\d+\.\d+% better\) +PASS/

// 2. and 3. A baseline of other data: ERROR, or a warning once the change is declared.
assert log =~ /\[ERROR\] baseline data +threshold same data as src\/nn\/other-data\.json +actual the data set's SHA-256 is c2cd60cfc09c, the baseline's 000000000000: a comparison would mean nothing.* ERROR/
assert log.contains('Model quality gate ERROR: 1 of 6 checks could not be evaluated: baseline data: ')
assert log =~ /\[WARNING\] baseline data +threshold .*\(dataChanged is true: compared anyway\) +WARN/
assert log.contains('[WARNING] Model quality gate PASSED with 2 warnings: ')

// 4. A baseline without the compared metric.
assert log =~ /\[ERROR\] maxRegressionPercent +threshold rmse against the baseline +actual the baseline src\/nn\/r2-only\.json has no best rmse score \(it has r2\) +ERROR/

// 5. and 6. Paired by split.
assert log =~ /\[ERROR\] rmse maxRegression +threshold rmse worse by <= 0 than src\/nn\/paired-much-better\.json \(paired by split, 95%\) +actual \d+\.\d+ worse on average, at least \d+\.\d+ +FAIL/
assert log.contains('Model quality gate FAILED: 1 of 6 checks violated: rmse maxRegression: ')
assert log =~ /\[ERROR\] rmse maxRegression +threshold .* +actual the baseline's splits are not this run's \(3 folds x 1, seed 7 there, 3 folds x 1, seed 42 here\), so the scores cannot be paired +ERROR/

// 7. A constant target.
assert log =~ /\[ERROR\] target +threshold y varies +actual constant \(7\.5 in every row\): every model scores an error near 0.* ERROR/

// The JUnit report of the last build: the target's error, the other checks as test cases.
def suite = new XmlSlurper().parse(new File(out, 'TEST-nn-gate.xml'))
assert suite.@name == 'nn-gate'
assert suite.@tests == '4'
assert suite.@errors == '1'
assert suite.testcase[0].@name == 'target: y varies'
assert suite.testcase[0].error.@type == 'nn-gate.ERROR'
assert suite.testcase[0].error.@message.text().startsWith('target: actual constant (7.5 in every row)')

// Its Markdown summary, and every build's summary appended to GITHUB_STEP_SUMMARY in order.
assert new File(out, 'summary.md').text.startsWith('## Model quality gate ERROR: 1 of 4 checks could not be evaluated')
def steps = new File(basedir, 'target/step-summary.md').text
def verdicts = (steps =~ /(?m)^## Model quality gate (\S+)/).collect { it[1] }
assert verdicts == ['PASSED', 'ERROR:', 'PASSED', 'ERROR:', 'FAILED:', 'ERROR:', 'ERROR:'] : verdicts
assert steps.contains('| r2 min | r2 >= 0.9999 | ')
assert steps.contains('Reference models on the same splits: linear_regression rmse ')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'gridsearch.json'))
assert json.reference_models.keySet() == ['mean', 'linear_regression'] as Set
assert json.reference_models.linear_regression.rmse.splits[2] != null
// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
true

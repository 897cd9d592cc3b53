def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] maxMse +threshold mse <= 1000 +actual none \(no candidate has a score\) +FAIL/
assert log.contains('(no model: no candidate has a score)')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.best_index == null && json.best_scores == [:]
assert json.refit.model == null
assert !new File(basedir, 'target/nn/best-model.lanes').exists()
assert !new File(basedir, 'target/nn/best-model.onnx').exists()
assert new File(basedir, 'target/nn/report.html').text.contains('No candidate has a score')
true

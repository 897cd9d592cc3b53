def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] 1 of 2 candidates have a fit that failed or diverged: .* candidate 1 .*learning_rate=1e9/
assert log.contains('Model quality gate PASSED')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.best_index == 0
def bad = json.candidates[1]
assert bad.test.rmse.mean == null && bad.rank == 2
assert bad.splits*.status.contains('diverged') && bad.problems.size() > 0
assert new File(basedir, 'target/nn/gridsearch.csv').readLines()[2].contains(',NaN,')
true

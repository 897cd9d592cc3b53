import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// 6 candidates, factor 2: 3 rounds required; 'exhaust' starts at 8 // 2^2 = 2 epochs.
assert log.contains('Successive halving over epochs, factor 2: 3 rounds of 6, 3, 2 candidates with 2, 4, 8 epochs')
assert log.contains('Top 2 of 2 candidates of the last round by rmse')
assert log.contains('Model quality gate PASSED: 2 of 2 checks met')

def json = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.search.halving.resource == 'epochs' && json.search.halving.min_resources == 'exhaust'
assert json.search.rounds.collect { [it.n_candidates, it.n_resources] } == [[6, 2], [3, 4], [2, 8]]
assert json.candidates.size() == 11
assert json.candidates.collect { it.iter } == [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2]
assert json.candidates.every { it.params.epochs == String.valueOf(it.n_resources) && it.splits*.epochs_run.every { e -> e == it.n_resources } }
def best = json.candidates[json.best_index]
assert best.iter == 2 && json.best_params.epochs == '8'
assert json.refit.history.size() == 8

def header = new File(basedir, 'target/nn/gridsearch.csv').readLines()[0]
assert header.startsWith('iter,n_resources,params,')
def html = new File(basedir, 'target/nn/report.html').text
assert html.contains('<table id="rounds">') && html.contains('Rounds of successive halving')
assert html.contains('Successive halving: each candidate round by round') && html.count('<svg') >= 2
true

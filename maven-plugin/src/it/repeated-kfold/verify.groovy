import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('2 candidates x 2 x 3 folds = 12 fits')
assert log.contains('Model quality gate PASSED: 2 of 2 checks met')
def json = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.search.repeats == 2
assert json.search.extra_metrics == ['mse', 'mae', 'r2', 'mape']
assert json.best_scores.keySet() == ['rmse', 'mse', 'mae', 'r2', 'mape'] as Set
def c = json.candidates[0]
assert (0..5).every { c["split${it}_test_score"] != null && c["split${it}_train_score"] != null }
assert c.split6_test_score == null
assert c.mean_test_mape > 0 && c.mean_train_mape > 0 && c.rank_test_mape >= 1
def header = new File(basedir, 'target/nn/gridsearch.csv').readLines()[0]
assert header.contains('split5_test_score') && header.contains('mean_train_score') && header.contains('std_test_mape')
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('2 candidates x 2 x 3 folds = 12 fits')
assert log.contains('Model quality gate PASSED: 2 of 2 checks met')
def json = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.search.repeats == 2
assert json.search.extra_metrics == ['mse', 'mae', 'r2', 'mape']
assert json.best_scores.keySet() == ['rmse', 'mse', 'mae', 'r2', 'mape'] as Set
def c = json.candidates[0]
assert c.test.keySet() == ['rmse', 'mse', 'mae', 'r2', 'mape'] as Set && c.train.keySet() == c.test.keySet()
assert c.test.rmse.splits.size() == 6 && c.test.rmse.splits.every { it != null } && c.train.rmse.splits.size() == 6
assert c.test.mape.mean > 0 && c.train.mape.mean > 0 && c.rank >= 1
def header = new File(basedir, 'target/nn/gridsearch.csv').readLines()[0]
assert header.contains('split5_test_score') && header.contains('mean_train_score') && header.contains('std_test_mape')
true

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert json.search.type == 'random' && json.search.n_iter == 3
assert json.candidates.size() == 3
json.candidates.each { c ->
    def lr = c.params.learning_rate as double
    assert lr >= 0.001 && lr < 0.1
}
assert new File(basedir, 'build.log').text.contains('random search, 3 candidates x 3 folds = 9 fits')
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('Skipping nn:gridsearch')
assert log.contains('Model quality gate PASSED: 2 of 2 checks met')
def results = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert results.candidates*.params*.hidden_layers == ['none', '4']
true

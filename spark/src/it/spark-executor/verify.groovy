def log = new File(basedir, 'build.log').text
['gridsearch.json', 'gridsearch.csv', 'report.html', 'best-model.lanes', 'best-model.onnx', 'summary.md', 'TEST-nn-gate.xml'].each { name ->
    def local = new File(basedir, 'target/local/' + name).bytes
    def spark = new File(basedir, 'target/spark/' + name).bytes
    assert local.length > 0
    assert Arrays.equals(local, spark) : name + ' differs between the local and the Spark executor'
}
assert log.contains('The fits run as Spark tasks, master local[2]')
assert log =~ /fits on Spark local\[2\]/
// The third run finds the Spark results up to date: the executor does not change them.
assert log.contains('Up to date: reusing the results in target/spark')
// A misspelt executor is refused before anything runs, with the valid names.
assert log.contains("Unknown executor 'sprak'") && log.contains("Did you mean 'spark'?")
assert !new File(basedir, 'target/typo/gridsearch.json').exists()
true

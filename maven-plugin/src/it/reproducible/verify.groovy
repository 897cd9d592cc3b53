['gridsearch.json', 'gridsearch.csv', 'report.html', 'best-model.lanes', 'best-model.onnx'].each { name ->
    def one = new File(basedir, 'target/one-thread/' + name).bytes
    def two = new File(basedir, 'target/two-threads/' + name).bytes
    assert one.length > 0
    assert Arrays.equals(one, two) : name + ' differs between 1 and 2 threads'
}
def timings = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/two-threads/timings.json'))
assert timings.parallelism == 2
true

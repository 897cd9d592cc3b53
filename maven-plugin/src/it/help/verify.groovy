def log = new File(basedir, 'build.log').text
assert log.contains('nn:gridsearch')
['dataset', 'grid', 'maxRmse', 'minR2', 'baseline', 'failOnViolation', 'jvmArgs', 'timeout'].each {
    assert log.contains(it)
}
assert log.contains('User property: nn.skip')
true

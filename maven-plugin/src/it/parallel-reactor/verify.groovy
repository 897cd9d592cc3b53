def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 2')
assert log.contains('Skipping nn:gridsearch: parallel-reactor is an aggregator of 2 modules')
assert log.count('Model quality gate PASSED') == 2
['first', 'second'].each { assert new File(basedir, it + '/target/nn/gridsearch.json').isFile() }
assert !new File(basedir, 'target/nn').exists()
true

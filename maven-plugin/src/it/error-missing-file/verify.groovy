def log = new File(basedir, 'build.log').text
     assert log.contains('The data set file data/housing.csv does not exist: <dataset><file> is resolved against the project directory')
     assert !log.contains('Grid search of')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

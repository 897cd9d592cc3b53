def log = new File(basedir, 'build.log').text
     assert log.contains('<folds> must be at least 2 (k-fold cross-validation trains on k-1 folds and tests on the other), got 1.')
     assert log.contains('<folds> is 61 but data/tiny.csv has only 60 rows: k-fold cross-validation needs 2 <= folds <= rows.')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

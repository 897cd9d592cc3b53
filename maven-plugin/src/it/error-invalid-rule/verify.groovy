def log = new File(basedir, 'build.log').text
     assert log.contains('Invalid gate rule <maxRmse>-1</maxRmse>: the threshold must be a number >= 0, since rmse is never negative.')
     assert log.contains('Invalid gate rule <minR2>1.5</minR2>: the threshold must be a number <= 1')
     assert log.contains('<maxRegressionPercent> 5 is set without <baseline>')
     assert !log.contains('Grid search of')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

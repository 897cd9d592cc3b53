def log = new File(basedir, 'build.log').text
     assert log.contains("regoin")
     assert log.contains("Did you mean 'region'?")
     assert log.contains('x1, x2, x3, region, y')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

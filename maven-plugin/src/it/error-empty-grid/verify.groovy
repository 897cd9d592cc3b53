def log = new File(basedir, 'build.log').text
     assert log =~ /No grid is configured|<grid> is empty/

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

def log = new File(basedir, 'build.log').text
     assert log.contains("data/textcell.csv:14:2 (x2): 'n/a'")

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

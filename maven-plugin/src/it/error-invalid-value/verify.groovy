def log = new File(basedir, 'build.log').text
     assert log.contains("'tahn'")
     assert log.contains("Did you mean 'tanh'?")
     assert log.contains('Valid names: ')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

def log = new File(basedir, 'build.log').text
     assert log.contains("Unknown hyperparameter 'learnig_rate'. Did you mean 'learning_rate'?")
     assert log.contains('Valid names: ')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

def log = new File(basedir, 'build.log').text
     assert log.contains('The baseline file src/nn/broken.json is not readable: it is not valid JSON')
     assert log.contains('The baseline file src/nn/missing.json does not exist')
     assert log.contains('The baseline file src/nn/no-format.json is not a gridsearch.json of nn:gridsearch: it has no "format".')
     assert log.contains('The baseline file src/nn/older-format.json is of format lanes-gridsearch/1; this plugin reads lanes-gridsearch/2.')
     assert log.contains('The baseline file src/nn/inconsistent.json is not a gridsearch.json of format lanes-gridsearch/2: '
             + 'candidates[0].test.rmse has 2 split scores; the search has 3 splits (folds x repeats).')
     assert log.contains('copy target/nn/gridsearch.json to ')
     assert !log.contains('Grid search of')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

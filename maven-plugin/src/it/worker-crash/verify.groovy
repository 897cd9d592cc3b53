def log = new File(basedir, 'build.log').text
assert log.contains('The grid-search worker failed with exit code 1')
assert log.contains('The last lines it printed:')
assert log.contains('Too small maximum heap')
assert log.contains('The grid-search worker did not finish within <timeout> 20 s and was killed.')
assert log =~ /(?s)within <timeout> 20 s and was killed\..*The last lines it printed:.*Grid search of data\/tiny\.csv/
true

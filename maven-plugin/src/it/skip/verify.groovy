def log = new File(basedir, 'build.log').text
assert log.contains('Skipping nn:gridsearch (nn.skip is true)')
assert !new File(basedir, 'target/nn').exists()
true

def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 3
assert runs[0].contains('Model quality gate PASSED')
assert runs[1].contains('did not finish within <timeout> 20 s and was killed')
// the killed run published nothing: the first run is still complete, and the next build reuses it
assert runs[2].contains('[INFO] Up to date: reusing the results in target/nn') && !runs[2].contains('Grid search of')
assert runs[2].contains('Model quality gate PASSED')
def nn = new File(basedir, 'target/nn')
assert !new File(nn, '.staging').exists()
def fingerprint = new File(nn, 'fingerprint.txt').text
assert fingerprint.contains('"epochs":["3"]')
assert fingerprint =~ /sha256: [0-9a-f]{64} gridsearch\.json/
true

def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 4
assert runs[0].contains('Grid search of data/tiny.csv') && !runs[0].contains('Up to date')
assert runs[1].contains('[INFO] Up to date: reusing the results in target/nn') && !runs[1].contains('Grid search of')
assert runs[1].contains('Model quality gate PASSED')
assert runs[2].contains('Grid search of') && !runs[2].contains('Up to date')
assert runs[3].contains('Grid search of') && runs[3].contains('seed 7')
assert new File(basedir, 'target/nn/fingerprint.txt').text.contains('"seed":7')
true

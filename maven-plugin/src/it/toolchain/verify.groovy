def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
assert (json.environment.java_version =~ /^(\d+)/)[0][1].toInteger() >= 25
def fingerprint = new File(basedir, 'target/nn/fingerprint.txt').text
assert fingerprint =~ /java: .*25.*bin.java/
true

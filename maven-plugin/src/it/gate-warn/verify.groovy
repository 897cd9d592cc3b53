def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] maxMae +threshold mae <= 0\.001 +actual \d+\.\d+ +FAIL/
assert log.contains('[WARNING] Model quality gate FAILED: 1 of 1 rules violated')
assert log.contains('(failOnViolation is false: the build goes on)')
assert log.contains('BUILD SUCCESS')
// Scored by mae, the mae rule needs no extra pass.
assert !log.contains('Pass 2/')
true

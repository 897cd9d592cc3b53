def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] maxMae +threshold mae <= 0\.001 +actual \d+\.\d+ +WARN/
assert log.contains('[WARNING] Model quality gate PASSED with 1 warning: maxMae: actual ')
assert log.contains('(failOnViolation is false: the build goes on)')
assert log.contains('BUILD SUCCESS')
// Scored by mae, the mae rule needs no extra pass.
assert !log.contains('Pass 2/')
true

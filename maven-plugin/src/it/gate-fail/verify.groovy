import groovy.json.JsonSlurper

     def log = new File(basedir, 'build.log').text
     def best = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json')).best_scores
     // Every search reports the four metrics, whatever the rules read.
     assert best.keySet() == ['mse', 'rmse', 'mae', 'r2'] as Set
     assert log =~ /\[ERROR\] maxRmse +threshold rmse <= 0\.01 +actual \d+\.\d+ +FAIL/
     assert log =~ /\[ERROR\] minR2 +threshold r2 >= 0\.9999 +actual -?\d+\.\d+ +FAIL/
     assert log =~ /\[ERROR\] maxRegressionPercent +threshold mse <= 0\.0011 \(baseline 0\.001 \+ 10%\) +actual \d+\.\d+ \(\d+\.\d+% worse\) +FAIL/
     assert log =~ /\[INFO\] target +threshold y varies +actual std .* PASS/
     assert log =~ /\[INFO\] baseline data +threshold same data as src\/nn\/baseline\.json +actual sha256 c2cd60cfc09c, target y +PASS/
     assert log.contains('Model quality gate FAILED: 3 of 5 checks violated: maxRmse: actual ')
     assert log.contains('[ERROR] Failed to execute goal dev.lanes:nn-maven-plugin')

// One paragraph, no stack trace.
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('Exception:')
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('16 candidates x 3 folds = 48 fits')
def json = new JsonSlurper().parse(new File(basedir, 'target/nn/gridsearch.json'))
def optimizers = json.candidates*.params*.optimizer as Set
assert optimizers == ['sgd(learning_rate=0.02, momentum=0.9, nesterov=True)', 'Adam(learning_rate=ExponentialDecay(initial_learning_rate=0.01, decay_steps=10, decay_rate=0.9), amsgrad=true, use_ema=True, ema_momentum=0.9)'] as Set
assert json.candidates*.params*.loss as Set == ['huber(delta=2)', 'mse'] as Set
assert json.candidates.every { it.splits*.status == ['ok', 'ok', 'ok'] && it.splits*.epochs_run.every { e -> e <= 3 } }
assert json.candidates*.params*.activation as Set == ['gelu(approximate=True)', 'leaky_relu(negative_slope=0.3)'] as Set
assert json.candidates*.params*.normalization as Set == ['batch_normalization(momentum=0.9)', 'layer_normalization'] as Set
assert json.candidates.every { it.params.normalize_before_activation == 'true' }
assert json.candidates.every { it.params.callbacks.startsWith('[EarlyStopping(patience=1') }
// CSVLogger wrote one log per fit, relative to the project's directory, and one for the refit.
json.candidates.each { c ->
    (0..2).each { split ->
        def lines = new File(basedir, "target/fit-logs/${c.index}-${split}.csv").readLines()
        assert lines[0].startsWith('epoch,') && lines.size() == 1 + c.splits[split].epochs_run
    }
}
assert new File(basedir, "target/fit-logs/${json.refit.index}-refit.csv").exists()
// The 16 candidates train differently: the arguments reached the optimizers, the loss, the activation and
// the normalization layers.
assert (json.candidates*.test*.rmse*.mean as Set).size() == 16

// A misspelt argument fails before any fit, naming it, the closest valid one and the valid ones.
assert log.contains("optimizer 'sgd(momentun=0.9)': Optimizer 'sgd' does not take argument 'momentun'. Did you mean 'momentum'?")
assert !new File(basedir, 'target/typo/gridsearch.json').exists()
// So does an activation argument out of its range, giving the range.
assert log.contains("activation 'celu(alpha=0)': Invalid value for argument 'alpha' of activation 'celu': 0.0. Valid: a number > 0")
assert !new File(basedir, 'target/range/gridsearch.json').exists()
// ReduceLROnPlateau cannot change a learning rate that follows a schedule (Keras refuses it too): the grid
// is refused before any fit, naming both, rather than every scheduled fit failing at its first plateau.
assert log.contains("ReduceLROnPlateau sets the learning rate, but the optimizer's learning rate follows a schedule")
assert !new File(basedir, 'target/scheduled/gridsearch.json').exists()
assert !(log =~ /(?m)^\s+at [a-z]/)
true

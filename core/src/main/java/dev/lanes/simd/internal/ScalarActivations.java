package dev.lanes.simd.internal;

/** Scaffolding: replaced by the real kernels in the following commits. */
abstract class ScalarActivations implements ActivationSupport {
}

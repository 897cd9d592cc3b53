/**
 * Dense regression networks, named and computed as in Keras 3: an architecture built with
 * {@link dev.lanes.nn.Sequential}, a {@link dev.lanes.nn.Model} that fits, predicts, evaluates and is
 * saved, and the pieces of training ({@link dev.lanes.nn.FitOptions}, initializers, optimizers and their
 * learning-rate schedules, losses, metrics, callbacks). Initializers, optimizers, schedules and losses
 * can also be created from their Keras names, so a configuration written for Keras carries over; every
 * random draw comes from a seeded {@link dev.lanes.base.Rng}, so a fit is reproducible on any JDK.
 */
package dev.lanes.nn;

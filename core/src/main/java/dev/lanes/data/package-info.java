/**
 * Regression data from CSV files and the ways a fit sees it: a {@link dev.lanes.data.Dataset} read once
 * as described by a {@link dev.lanes.data.DataSpec}, seeded training/test splits
 * ({@link dev.lanes.data.Splits}) and the {@link dev.lanes.data.Preprocessing} fitted on a split's
 * training rows only, applied as views so that many fits share one copy of the data. Problems with the
 * data are {@link dev.lanes.data.DataException}s written for the user.
 */
package dev.lanes.data;

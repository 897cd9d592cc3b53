package dev.lanes.maven;

/**
 * The {@code <halving>} element of the plugin's configuration: successive halving instead of fitting
 * every candidate fully, with scikit-learn's parameters and defaults. Maven fills the fields by name;
 * {@link JobFactory} checks them.
 *
 * <pre>{@code
 * <halving>
 *   <resource>epochs</resource>
 *   <factor>3</factor>
 *   <maxResources>15</maxResources>
 * </halving>
 * }</pre>
 */
public class HalvingConfig {

    /** What a round gives more of: {@code epochs} (survivors go on training) or {@code n_samples}. Required. */
    String resource;

    /** How much more each round gives, and how few candidates it keeps (1 in factor); > 1, default 3. */
    Double factor;

    /** The first round's resources: a number, {@code exhaust} (default) or {@code smallest}. */
    String minResources;

    /** The most a round gives: a number, or {@code auto} (default: all rows, or the grid's epochs). */
    String maxResources;

    /** Run as many rounds at the first round's resources as it takes to end with fewer than factor candidates. */
    boolean aggressiveElimination;
}

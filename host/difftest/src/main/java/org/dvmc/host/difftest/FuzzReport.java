package org.dvmc.host.difftest;

import java.util.Objects;
import java.util.Optional;

/**
 * The end of a fuzz campaign. Immutable.
 *
 * @param seed              the campaign's seed
 * @param casesRun          how many cases were run to the end
 * @param elapsedNanos      how long the campaign took, in nanoseconds
 * @param firstDisagreement the disagreement with the lowest index, if any
 */
public record FuzzReport(long seed, long casesRun, long elapsedNanos, Optional<Finding> firstDisagreement) {

    /**
     * A case on which the VMs disagreed.
     *
     * @param index      the case's index in the campaign: {@link FuzzCampaign#caseAt} with the campaign's seed and
     *                   this index makes it again
     * @param comparison what each VM observed and the differences
     */
    public record Finding(long index, Comparison comparison) {
        /**
         * Checks the comparison.
         *
         * @param index      the case's index in the campaign, 0 or more
         * @param comparison what each VM observed and the differences; non-null
         * @throws NullPointerException if the comparison is null
         */
        public Finding {
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /**
     * Checks the fields.
     *
     * @param seed              the campaign's seed
     * @param casesRun          how many cases were run to the end, 0 or more
     * @param elapsedNanos      how long the campaign took, in nanoseconds, 0 or more
     * @param firstDisagreement the disagreement with the lowest index; non-null, empty when the VMs always agreed
     * @throws NullPointerException if {@code firstDisagreement} is null
     */
    public FuzzReport {
        Objects.requireNonNull(firstDisagreement, "firstDisagreement");
    }

    /**
     * The campaign's throughput.
     *
     * @return cases run per second over the whole campaign; 0 when no time elapsed
     */
    public double casesPerSecond() {
        return elapsedNanos <= 0 ? 0 : casesRun * 1e9 / elapsedNanos;
    }
}

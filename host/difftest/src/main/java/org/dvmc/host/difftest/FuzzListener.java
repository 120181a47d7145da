package org.dvmc.host.difftest;

/**
 * Hears what a {@link FuzzCampaign} finds. Calls are serialized (never two at once) but come from the
 * campaign's threads.
 */
public interface FuzzListener {

    /**
     * A case on which the VMs disagree. With several threads, disagreements are reported in the order they are
     * found, which need not be the order of their indices; the campaign's {@link FuzzReport#firstDisagreement()}
     * is always the one with the lowest index.
     *
     * @param finding the case's index in the campaign and the full comparison
     * @return true to go on, false to stop the campaign (cases with lower indices still running are finished, so
     *         the report names the lowest-index disagreement among the cases run)
     */
    boolean onDisagreement(FuzzReport.Finding finding);

    /**
     * Progress, about once per {@link FuzzCampaign.Builder#progressInterval} from the thread that called
     * {@link FuzzCampaign#run()}.
     *
     * @param casesRun     the cases finished so far
     * @param elapsedNanos the time since the campaign started, in nanoseconds
     */
    default void onProgress(long casesRun, long elapsedNanos) {
    }

    /**
     * A listener that stops at the first disagreement and ignores progress.
     *
     * @return the listener; stateless and thread-safe
     */
    static FuzzListener stopAtFirst() {
        return finding -> false;
    }
}

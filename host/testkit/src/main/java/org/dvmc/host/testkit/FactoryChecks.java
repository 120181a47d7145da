package org.dvmc.host.testkit;

import org.dvmc.spi.VmFactory;

/**
 * The check on the factory itself (the C description's {@code dvmc_create_<codename>()}): its codename
 * is one every host accepts. Hosts refuse a jar whose factory's codename breaks
 * {@link VmFactory#CODENAME_PATTERN}, so a VM that passed every other check would still never load.
 */
final class FactoryChecks {

    /** How often the codename is read to see it stays the same. */
    private static final int READS = 3;

    private FactoryChecks() {
    }

    static String codename(VmFactory factory) {
        String first = codenameOf(factory);
        if (!VmFactory.CODENAME_PATTERN.matcher(first).matches()) {
            throw new ConformanceFailure("codename() returned \"" + first + "\", which does not match "
                    + VmFactory.CODENAME_PATTERN.pattern() + "; a codename is lower-case ASCII letters, digits and"
                    + " underscores, starting with a letter, at most " + VmFactory.MAX_CODENAME_LENGTH
                    + " characters (e.g. \"" + suggestion(first) + "\"), or every host rejects the VM");
        }
        for (int i = 1; i < READS; i++) {
            String next = codenameOf(factory);
            if (!next.equals(first)) {
                throw new ConformanceFailure("codename() returned \"" + first + "\" then \"" + next
                        + "\"; it must return the same codename on every call");
            }
        }
        return "\"" + first + "\" matches " + VmFactory.CODENAME_PATTERN.pattern() + ", the same on " + READS + " calls";
    }

    private static String codenameOf(VmFactory factory) {
        String codename;
        try {
            codename = factory.codename();
        } catch (RuntimeException | Error e) {
            throw new ConformanceFailure("codename() threw " + Throwables.describe(e)
                    + "; it must return the VM's codename");
        }
        if (codename == null) {
            throw new ConformanceFailure("codename() returned null; it must return the VM's codename");
        }
        return codename;
    }

    /** A codename in the pattern close to {@code codename}, for the failure message. */
    private static String suggestion(String codename) {
        String lower = codename.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String started = lower.isEmpty() || !Character.isLetter(lower.charAt(0)) ? "vm_" + lower : lower;
        return started.substring(0, Math.min(started.length(), VmFactory.MAX_CODENAME_LENGTH));
    }
}

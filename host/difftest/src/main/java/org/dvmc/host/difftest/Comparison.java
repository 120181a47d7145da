package org.dvmc.host.difftest;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running one {@link DiffCase} on several VMs: each VM's {@link Observation} and the fields
 * they disagree on (each compared with the first VM's). Immutable.
 *
 * @param diffCase     the case
 * @param labels       the VMs' labels, in order
 * @param observations each VM's observation, in the same order
 * @param differences  the fields on which some VM differs from the first; empty when all agree
 */
public record Comparison(DiffCase diffCase, List<String> labels, List<Observation> observations,
        List<Difference> differences) {

    /**
     * Checks the fields and copies the lists.
     *
     * @param diffCase     the case; non-null
     * @param labels       the VMs' labels, in order; non-null, without nulls; copied
     * @param observations each VM's observation, in the same order as {@code labels}; non-null, without
     *                     nulls; copied
     * @param differences  the fields on which some VM differs from the first; non-null, without nulls, empty
     *                     when all agree; copied
     * @throws NullPointerException if a field or a list element is null
     */
    public Comparison {
        Objects.requireNonNull(diffCase, "diffCase");
        labels = List.copyOf(labels);
        observations = List.copyOf(observations);
        differences = List.copyOf(differences);
    }

    /**
     * Whether the VMs agree.
     *
     * @return true when every VM observed exactly the same (no {@link #differences()}), false otherwise
     */
    public boolean agree() {
        return differences.isEmpty();
    }
}

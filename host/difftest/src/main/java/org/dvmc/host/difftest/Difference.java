package org.dvmc.host.difftest;

import java.util.List;
import java.util.Objects;

/**
 * One field on which the VMs of a {@link Comparison} disagree, with every VM's value. Immutable.
 *
 * @param field  what differs, e.g. {@code status}, {@code gas left}, {@code storage write #2},
 *               {@code creation output}, {@code logs (count)}
 * @param values each VM's value as text, in the order of the VMs; {@code (none)} for a record a VM did not make
 */
public record Difference(String field, List<String> values) {

    /**
     * Checks the fields and copies the values.
     *
     * @param field  what differs, e.g. {@code status}; non-null
     * @param values each VM's value as text, in the order of the VMs; non-null, without nulls; copied
     * @throws NullPointerException if a field or a value is null
     */
    public Difference {
        Objects.requireNonNull(field, "field");
        values = List.copyOf(values);
    }

    /**
     * What kind of field differs: the field without a record's number, so that the same kind of difference is
     * recognized in a smaller case where the record moved ({@code storage write #2} → {@code storage write};
     * {@code status}, {@code logs (count)} and the like stay as they are).
     *
     * @return the field's kind, non-null
     */
    public String kind() {
        return field.replaceFirst(" #\\d+$", "");
    }
}

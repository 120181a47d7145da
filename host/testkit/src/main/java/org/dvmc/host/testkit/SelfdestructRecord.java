package org.dvmc.host.testkit;

import java.util.Objects;
import org.dvmc.spi.Address;

/**
 * A selfdestruct recorded by {@link MockedHost#selfdestruct}. Immutable.
 *
 * @param address     the account destroyed
 * @param beneficiary the account receiving its balance
 */
public record SelfdestructRecord(Address address, Address beneficiary) {

    /**
     * Checks the fields.
     *
     * @param address     the account destroyed
     * @param beneficiary the account receiving its balance
     * @throws NullPointerException if a field is null
     */
    public SelfdestructRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(beneficiary, "beneficiary");
    }
}

/**
 * The DVMC VM contract: everything a DVM implementation and a host share, and nothing else.
 *
 * <p>A VM author implements {@link org.dvmc.spi.Vm} and {@link org.dvmc.spi.VmFactory}, registers the
 * factory in {@code META-INF/services/org.dvmc.spi.VmFactory}, and builds against this jar alone. A
 * host implements {@link org.dvmc.spi.Host} and calls {@link org.dvmc.spi.Vm#retrieveDescVx}.
 *
 * <p>Conventions across the package: sizes are in bytes and gas in gas units; every value type is
 * immutable and thread-safe; no method returns null; enums keep the C description's numbers in
 * {@code code()} or {@code bit()}.
 */
package org.dvmc.spi;

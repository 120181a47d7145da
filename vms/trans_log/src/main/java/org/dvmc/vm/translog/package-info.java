/**
 * The trans_log VM: the DVMC demonstration VM, a Java port of the reference example VM of the C
 * description with the same instructions, gas and memory rules, and a defined result for every input
 * (the module README lists where and why it differs from the C original).
 *
 * <p>Users reach it through {@link org.dvmc.vm.translog.TransLogVmFactory} (codename
 * {@code trans_log}), registered in {@code META-INF/services/org.dvmc.spi.VmFactory}; everything else
 * in the package is an implementation detail.
 */
package org.dvmc.vm.translog;

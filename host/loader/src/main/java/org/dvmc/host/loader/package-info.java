/**
 * The DVMC host loader: turns a directory of VM plugin jars (and the host's classpath) into VMs a
 * Java client can create and run code on.
 *
 * <p>Start with {@link org.dvmc.host.loader.VmLoader#builder()}: the loader scans the plugins
 * directory, gates every jar on its {@code Dvmc-Abi-Version} before loading any of its classes,
 * starts the accepted ones with PF4J, and registers their factories by codename.
 * {@link org.dvmc.host.loader.VmLoader#load(String)} resolves a configuration
 * {@code CODENAME_OR_JAR[,name=value]*} into a {@link org.dvmc.host.loader.LoadedVm}, whose
 * {@link org.dvmc.host.loader.LoadedVm#execute execute} never lets a VM's failure escape. Every failure
 * is a {@link org.dvmc.host.loader.LoaderException} carrying a {@link org.dvmc.host.loader.LoaderErrorCode}
 * with the C loader's numbers.
 *
 * <p>See {@code docs/HOST_GUIDE.md} for a complete example, the decisions the loader makes, threading
 * and logging.
 */
package org.dvmc.host.loader;

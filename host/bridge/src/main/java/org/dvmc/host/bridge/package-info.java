/**
 * The native-VM bridge: runs VMs written in C or C++ against the DVMC C ABI 12 ({@code dvmc.h}, field for
 * field the reference C interface 12.1.0) as {@link org.dvmc.spi.Vm}s, through Java's Foreign Function &amp;
 * Memory API. Needs Java 22 or newer and {@code --enable-native-access=ALL-UNNAMED} (or the jar manifest's
 * {@code Enable-Native-Access: ALL-UNNAMED}).
 *
 * <p>Clients do not use this package directly: the loader ({@code org.dvmc.host.loader.VmLoader}) finds the
 * bridge through {@link java.util.ServiceLoader} when a configuration names a native library
 * ({@code --vm /path/libtrans_log_vm.so}) or a native plugin jar. See {@code docs/NATIVE_VMS.md}.
 */
package org.dvmc.host.bridge;

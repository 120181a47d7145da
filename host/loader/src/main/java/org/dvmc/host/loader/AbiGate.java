package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Optional;
import org.dvmc.spi.Dvmc;

/**
 * The ABI check of a plugin jar's manifest: its {@code Dvmc-Abi-Version} must be present and equal to
 * {@link Dvmc#ABI_VERSION}. Runs on the manifest text alone, before any class loader exists.
 */
final class AbiGate {

    private static final String ATTRIBUTE = Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE;
    private static final int HOST_ABI = Dvmc.ABI_VERSION;

    private AbiGate() {
    }

    /**
     * Why a jar declaring {@code declared} (null when absent) is refused, or empty when it may load.
     * Surrounding white space of the value is ignored.
     */
    static Optional<LoaderException> check(Path jar, String declared) {
        String remedy = "rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI + " and declare '" + ATTRIBUTE + ": "
                + HOST_ABI + "' in its manifest";
        if (declared == null || declared.isBlank()) {
            return Optional.of(mismatch("plugin jar " + jar + " declares no " + ATTRIBUTE
                    + " in its manifest but this host speaks ABI version " + HOST_ABI + "; " + remedy));
        }
        String digits = declared.strip();
        if (!isPlainDecimal(digits)) {
            return Optional.of(mismatch("plugin jar " + jar + " declares " + ATTRIBUTE + " '" + Escaping.escape(declared)
                    + "', which is not a plain decimal number (ASCII digits, no sign, no leading zero), but this host"
                    + " speaks ABI version " + HOST_ABI + "; " + remedy));
        }
        int version = Integer.parseInt(digits);
        if (version != HOST_ABI) {
            return Optional.of(mismatch("plugin jar " + jar + " declares " + ATTRIBUTE + " " + version
                    + " but this host speaks " + HOST_ABI + "; rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI
                    + (version > HOST_ABI ? ", or use a newer host that speaks " + version : "")));
        }
        return Optional.empty();
    }

    /**
     * True for {@code 0} and for 1..9 ASCII digits not starting with {@code 0}: {@link Integer#parseInt} alone
     * would also take {@code +12}, {@code 012} and non-ASCII digits, each a different text for the same ABI.
     */
    static boolean isPlainDecimal(String text) {
        if (text.isEmpty() || text.length() > 9 || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static LoaderException mismatch(String message) {
        return new LoaderException(LoaderErrorCode.ABI_VERSION_MISMATCH, message);
    }
}

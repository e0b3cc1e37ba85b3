package dev.arabica.wasi.preview1;

import java.nio.file.Path;

/**
 * A host directory granted to the guest under {@code guestName}. {@code root} is the directory's
 * real path (symlinks resolved), the boundary no path may cross.
 */
public record Preopen(Path root, String guestName, boolean readOnly) {

    long rights() {
        return readOnly ? Rights.READ_ONLY : Rights.ALL;
    }
}

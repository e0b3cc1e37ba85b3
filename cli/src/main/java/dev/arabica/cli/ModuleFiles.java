package dev.arabica.cli;

/** Telling binary modules from text ones by their first bytes, whatever the file is called. */
final class ModuleFiles {

    private ModuleFiles() {
    }

    static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }
}

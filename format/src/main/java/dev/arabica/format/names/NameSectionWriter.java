package dev.arabica.format.names;

import dev.arabica.format.binary.BinaryWriter;
import dev.arabica.format.model.CustomSection;
import java.util.Map;
import java.util.TreeMap;

/** Encodes a {@code name} custom section, so that names given in the text format reach backtraces. */
public final class NameSectionWriter {

    private static final int FUNCTION_NAMES = 1;
    private static final int AFTER_DATA_SECTION = 11;

    private NameSectionWriter() {
    }

    /** A name section holding the given function names (index to name). */
    public static CustomSection functionNames(Map<Integer, String> names) {
        BinaryWriter map = new BinaryWriter();
        map.u32(names.size());
        new TreeMap<>(names).forEach((index, name) -> {
            map.u32(index);
            map.name(name);
        });
        BinaryWriter content = new BinaryWriter();
        content.u8(FUNCTION_NAMES);
        content.sized(map);
        return new CustomSection("name", content.toByteArray(), AFTER_DATA_SECTION);
    }
}

package dev.arabica.format.names;

import dev.arabica.format.binary.BinaryReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the subsections of a name section in order: ids 0 to 11 of the extended name section. */
final class NameSectionReader {

    private final BinaryReader in;
    private Optional<String> moduleName = Optional.empty();
    private final Map<Integer, String> functions = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> labels = new HashMap<>();
    private final Map<Integer, String> types = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> fields = new HashMap<>();
    private final Map<Integer, String> tables = new HashMap<>();
    private final Map<Integer, String> memories = new HashMap<>();
    private final Map<Integer, String> globals = new HashMap<>();
    private final Map<Integer, String> elems = new HashMap<>();
    private final Map<Integer, String> datas = new HashMap<>();
    private final Map<Integer, String> tags = new HashMap<>();

    NameSectionReader(byte[] content) {
        this.in = BinaryReader.of(content);
    }

    void read() {
        while (!in.atEnd()) {
            int id = in.u8();
            BinaryReader subsection = in.slice(in.u32());
            switch (id) {
                case 0 -> moduleName = Optional.of(subsection.name());
                case 1 -> nameMap(subsection, functions);
                case 2 -> indirectNameMap(subsection, locals);
                case 3 -> indirectNameMap(subsection, labels);
                case 4 -> nameMap(subsection, types);
                case 5 -> nameMap(subsection, tables);
                case 6 -> nameMap(subsection, memories);
                case 7 -> nameMap(subsection, globals);
                case 8 -> nameMap(subsection, elems);
                case 9 -> nameMap(subsection, datas);
                case 10 -> indirectNameMap(subsection, fields);
                case 11 -> nameMap(subsection, tags);
                default -> {
                    // Unknown subsections are skipped, as the extended name section may grow.
                }
            }
        }
    }

    private static void nameMap(BinaryReader in, Map<Integer, String> names) {
        int count = in.vectorLength(2);
        for (int i = 0; i < count; i++) {
            int index = in.u32();
            names.put(index, in.name());
        }
    }

    private static void indirectNameMap(BinaryReader in, Map<Integer, Map<Integer, String>> names) {
        int count = in.vectorLength(2);
        for (int i = 0; i < count; i++) {
            int index = in.u32();
            Map<Integer, String> inner = new HashMap<>();
            nameMap(in, inner);
            names.put(index, Map.copyOf(inner));
        }
    }

    NameSection result() {
        return new NameSection(moduleName, Map.copyOf(functions), Map.copyOf(locals), Map.copyOf(labels),
                Map.copyOf(types), Map.copyOf(fields), Map.copyOf(tables), Map.copyOf(memories), Map.copyOf(globals),
                Map.copyOf(elems), Map.copyOf(datas), Map.copyOf(tags));
    }
}

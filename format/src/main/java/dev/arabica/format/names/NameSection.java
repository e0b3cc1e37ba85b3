package dev.arabica.format.names;

import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.model.CustomSection;
import dev.arabica.format.model.Module;
import java.util.Map;
import java.util.Optional;

/**
 * The names a module's {@code name} custom section gives to the module, its functions and locals,
 * and (extended name section) to labels, types, fields, tables, memories, globals, segments and
 * tags. Custom sections are not validated, so a damaged name section yields the names read before
 * the damage, never an error.
 */
public record NameSection(
        Optional<String> moduleName,
        Map<Integer, String> functions,
        Map<Integer, Map<Integer, String>> locals,
        Map<Integer, Map<Integer, String>> labels,
        Map<Integer, String> types,
        Map<Integer, Map<Integer, String>> fields,
        Map<Integer, String> tables,
        Map<Integer, String> memories,
        Map<Integer, String> globals,
        Map<Integer, String> elems,
        Map<Integer, String> datas,
        Map<Integer, String> tags) {

    public static final NameSection EMPTY = new NameSection(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** The names of the module's first {@code name} section, or {@link #EMPTY}. */
    public static NameSection of(Module module) {
        for (CustomSection section : module.customSections()) {
            if (section.name().equals("name")) {
                return parse(section.content());
            }
        }
        return EMPTY;
    }

    /** Parses a name section's payload, keeping what could be read. */
    public static NameSection parse(byte[] content) {
        NameSectionReader reader = new NameSectionReader(content);
        try {
            reader.read();
        } catch (MalformedModuleException damaged) {
            // A custom section may be malformed without making the module invalid: keep what was read.
        }
        return reader.result();
    }

    public Optional<String> functionName(int index) {
        return Optional.ofNullable(functions.get(index));
    }

    public Optional<String> localName(int function, int local) {
        return Optional.ofNullable(locals.getOrDefault(function, Map.of()).get(local));
    }
}

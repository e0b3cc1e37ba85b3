package dev.arabica.bench;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.compiler.CompiledCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Measures how fast modules compile, in a fresh JVM as a user meets it: the time of
 * {@code Engine.compile} (decoding, validation, and setting up the per-function classes that are
 * generated on first call), and the time to generate the JVM code of every function, as a whole
 * program run would at most. Each is reported in megabytes of wasm per second; the last column
 * counts only the code section, over both times, since a module's data and debug sections (most
 * of flite's 21.5 MB) cost little to compile.
 */
@Command(name = "compile-speed", mixinStandardHelpOptions = true, description = "Times compilation of .wasm files")
public final class CompileSpeed implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Modules to compile")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        System.out.printf("%-16s %10s %10s %11s %8s %12s %8s %10s%n", "module", "bytes", "code bytes", "compile ms",
                "MB/s", "all code ms", "MB/s", "code MB/s");
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Engine engine = Engine.builder().build();
            long start = System.nanoTime();
            CompiledModule module = engine.compile(bytes);
            long compiled = System.nanoTime();
            CompiledCode code = module.code();
            int functions = module.module().functions().size();
            int imported = module.module().imports(ExternalKind.FUNC).size();
            for (int index = imported; index < imported + functions; index++) {
                if (code.isCompiled(index)) {
                    code.method(index);
                }
            }
            long generated = System.nanoTime();
            int codeBytes = codeSectionSize(bytes);
            System.out.printf("%-16s %10d %10d %11.1f %8.2f %12.1f %8.2f %10.2f%n", file.getFileName(), bytes.length,
                    codeBytes, (compiled - start) / 1e6, megabytesPerSecond(bytes.length, compiled - start),
                    (generated - compiled) / 1e6, megabytesPerSecond(bytes.length, generated - compiled),
                    megabytesPerSecond(codeBytes, generated - start));
        }
        return 0;
    }

    /** The size of the module's code section (id 10), found by walking the section headers. */
    private static int codeSectionSize(byte[] module) {
        int offset = 8;
        while (offset < module.length) {
            int id = module[offset++];
            int size = 0;
            int shift = 0;
            byte b;
            do {
                b = module[offset++];
                size |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            if (id == 10) {
                return size;
            }
            offset += size;
        }
        return 0;
    }

    private static double megabytesPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompileSpeed()).execute(args));
    }
}

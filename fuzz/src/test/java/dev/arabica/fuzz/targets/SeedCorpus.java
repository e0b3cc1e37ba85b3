package dev.arabica.fuzz.targets;

import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.text.wast.Command;
import dev.arabica.text.wast.ModuleSource;
import dev.arabica.text.wast.Script;
import dev.arabica.text.wast.WastParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the fuzz targets' seed corpora from the spec suite's {@code .wast} scripts, so that the
 * suite itself never has to be copied into the repository: {@code binary/} gets every module of
 * every script as a binary (text modules encoded), {@code text/} every module-defining command's
 * text. Files are named by their SHA-1, so duplicates collapse and a rerun rewrites nothing.
 * Usage: {@code SeedCorpus SUITE_DIR OUT_DIR}.
 */
public final class SeedCorpus {

    /** Larger seeds slow every execution derived from them and add little the small ones lack. */
    private static final int MAX_SEED_BYTES = 64 * 1024;

    private final Path binaryDir;
    private final Path textDir;
    private int binarySeeds;
    private int textSeeds;

    private SeedCorpus(Path out) throws IOException {
        this.binaryDir = Files.createDirectories(out.resolve("binary"));
        this.textDir = Files.createDirectories(out.resolve("text"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SeedCorpus SUITE_DIR OUT_DIR");
            System.exit(2);
        }
        List<Path> scripts;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            scripts = walk.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        if (scripts.isEmpty()) {
            System.err.println("no .wast scripts under " + args[0]);
            System.exit(1);
        }
        SeedCorpus corpus = new SeedCorpus(Path.of(args[1]));
        for (Path script : scripts) {
            corpus.addScript(script);
        }
        System.out.printf("%d scripts: %d binary seeds, %d text seeds in %s%n", scripts.size(),
                corpus.binarySeeds, corpus.textSeeds, args[1]);
    }

    private void addScript(Path file) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        List<Command> commands = WastParser.parse(source, file.toString()).commands();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < commands.size(); i++) {
            ModuleSource module = commands.get(i).moduleSource();
            if (module == null) {
                continue;
            }
            addBinary(module);
            int end = i + 1 < commands.size() ? commands.get(i + 1).line() : lines.length + 1;
            int start = commands.get(i).line();
            if (end > start) {
                textSeeds += write(textDir, String.join("\n", List.of(lines).subList(start - 1, end - 1))
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The module as the decoder sees it: binary modules as written, text ones encoded when they parse. */
    private void addBinary(ModuleSource module) {
        byte[] bytes;
        if (module instanceof ModuleSource.Binary binary) {
            bytes = binary.bytes();
        } else {
            try {
                bytes = ModuleEncoder.encode(module.toModule());
            } catch (RuntimeException malformedOrUnencodable) {
                return;
            }
        }
        binarySeeds += write(binaryDir, bytes);
    }

    /** Writes one seed; returns 1 if it is new, 0 if it is too large or already there. */
    private static int write(Path dir, byte[] seed) {
        if (seed.length > MAX_SEED_BYTES) {
            return 0;
        }
        Path file = dir.resolve(sha1(seed));
        if (Files.exists(file)) {
            return 0;
        }
        try {
            Files.write(file, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 1;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}

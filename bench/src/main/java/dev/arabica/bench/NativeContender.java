package dev.arabica.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The workload's C source built with {@code gcc -O2} and timed by itself, without process start-up. */
final class NativeContender implements Contender {

    private final Path buildDirectory;

    NativeContender(Path buildDirectory) {
        this.buildDirectory = buildDirectory;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "native-gcc-O2";
    }

    @Override
    public Prepared prepare(Workload workload) throws IOException, InterruptedException {
        Files.createDirectories(buildDirectory);
        Path binary = buildDirectory.resolve(workload.name());
        Path sources = workload.source().getParent();
        exec("gcc", "-O2", "-o", binary.toString(), sources.resolve("native_main.c").toString(),
                workload.source().toString(), "-lm");
        return scale -> {
            String[] output = exec(binary.toString(), Integer.toString(scale)).trim().split(" ");
            return new Timed(Long.parseLong(output[0]), Double.parseDouble(output[1]));
        };
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

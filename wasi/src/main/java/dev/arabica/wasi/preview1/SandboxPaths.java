package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves guest paths inside a preopen, one component at a time, without ever asking the host
 * about anything outside it. See RATIONALE.md.
 */
final class SandboxPaths {

    /** As Linux's limit on symlinks followed in one lookup. */
    static final int MAX_SYMLINKS = 40;

    /**
     * Where a guest path leads: the components below the preopen's root, none of them a symlink
     * except the last when it was not to be followed. {@code mustBeDirectory} records a trailing
     * slash.
     */
    record Resolved(Preopen preopen, List<String> components, boolean mustBeDirectory) {

        Path hostPath() {
            return SandboxPaths.hostPath(preopen.root(), components);
        }
    }

    private SandboxPaths() {
    }

    static Path hostPath(Path root, List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    /**
     * Resolves {@code path} relative to {@code directory}. Absolute paths, {@code ..} above the
     * preopen's root and symlinks leading out of it fail with {@code ENOTCAPABLE}; a NUL byte with
     * {@code EILSEQ}; an empty path with {@code ENOENT}.
     */
    static Resolved resolve(DirectoryDescriptor directory, String path, boolean followLast) {
        if (path.isEmpty()) {
            throw new WasiError(Errno.ENOENT);
        }
        if (path.indexOf('\0') >= 0) {
            throw new WasiError(Errno.EILSEQ);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.ENOTCAPABLE);
        }
        Preopen preopen = directory.preopen();
        List<String> resolved = new ArrayList<>(directory.components());
        Deque<String> pending = new ArrayDeque<>(components(path));
        boolean mustBeDirectory = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..")
                || path.equals(".") || path.equals("..");
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String component = pending.pollFirst();
            if (component.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new WasiError(Errno.ENOTCAPABLE);
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            boolean last = pending.isEmpty();
            if (last && !followLast && !mustBeDirectory) {
                resolved.add(component);
                break;
            }
            Path candidate = hostPath(preopen.root(), resolved).resolve(component);
            BasicFileAttributes attributes = attributesOrNull(candidate);
            if (attributes != null && attributes.isSymbolicLink()) {
                if (++symlinks > MAX_SYMLINKS) {
                    throw new WasiError(Errno.ELOOP);
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    throw new WasiError(Errno.ENOTCAPABLE);
                }
                if (target.isEmpty()) {
                    throw new WasiError(Errno.ENOENT);
                }
                if (last && target.endsWith("/")) {
                    mustBeDirectory = true;
                }
                List<String> expansion = components(target);
                for (int i = expansion.size() - 1; i >= 0; i--) {
                    pending.addFirst(expansion.get(i));
                }
                continue;
            }
            if (!last) {
                if (attributes == null) {
                    throw new WasiError(Errno.ENOENT);
                }
                if (!attributes.isDirectory()) {
                    throw new WasiError(Errno.ENOTDIR);
                }
            }
            resolved.add(component);
        }
        return new Resolved(preopen, resolved, mustBeDirectory);
    }

    private static List<String> components(String path) {
        List<String> components = new ArrayList<>();
        for (String component : path.split("/")) {
            if (!component.isEmpty() && !component.equals(".")) {
                components.add(component);
            }
        }
        return components;
    }

    /** The attributes of {@code path} itself (a symlink is not followed), or null if nothing is there. */
    static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw IoErrors.toWasi(e);
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw IoErrors.toWasi(e);
        }
    }
}

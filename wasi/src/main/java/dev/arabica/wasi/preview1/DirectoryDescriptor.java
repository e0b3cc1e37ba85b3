package dev.arabica.wasi.preview1;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory inside a preopen, named by its components below the preopen's root. The components
 * never name a symlink: the resolver expands them before a directory is opened.
 */
final class DirectoryDescriptor extends Descriptor {

    private final Preopen preopen;
    private final List<String> components;
    private final boolean preopened;
    private List<String> listing;

    DirectoryDescriptor(Preopen preopen, List<String> components, boolean preopened, long rightsBase,
            long rightsInheriting) {
        super(rightsBase, rightsInheriting, 0);
        this.preopen = preopen;
        this.components = List.copyOf(components);
        this.preopened = preopened;
    }

    static DirectoryDescriptor preopened(Preopen preopen) {
        return new DirectoryDescriptor(preopen, List.of(), true, preopen.rights(), preopen.rights());
    }

    Preopen preopen() {
        return preopen;
    }

    List<String> components() {
        return components;
    }

    /** True for the directories the embedder granted, which the guest finds with {@code fd_prestat_get}. */
    boolean isPreopened() {
        return preopened;
    }

    Path hostPath() {
        return SandboxPaths.hostPath(preopen.root(), components);
    }

    /** The entry names {@code fd_readdir} last listed, kept so that later cookies index the same listing. */
    List<String> listing() {
        return listing;
    }

    void setListing(List<String> listing) {
        this.listing = listing;
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_DIRECTORY;
    }

    @Override
    void close() {
        listing = null;
    }
}

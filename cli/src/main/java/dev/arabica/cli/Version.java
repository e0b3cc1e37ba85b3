package dev.arabica.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest at build time. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Arabica.class.getPackage().getImplementationVersion();
        return new String[] {"arabica " + (version == null ? "(development build)" : version)};
    }
}

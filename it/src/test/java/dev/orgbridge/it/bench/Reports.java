package dev.orgbridge.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the load harnesses' reports go: {@code it/target/<file>}, and the console. */
final class Reports {

    private Reports() {
    }

    /** Writes the report to it/target/{file} and prints it. */
    static void write(String file, String report) {
        Path out = Path.of(System.getProperty("orgbridge.repo.root"), "it", "target", file);
        try {
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(report);
    }
}

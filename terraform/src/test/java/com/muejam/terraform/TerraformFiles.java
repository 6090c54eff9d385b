package com.muejam.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the Terraform code under test lives (system property {@code terraform.root}, set by the pom). */
final class TerraformFiles {

    private TerraformFiles() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("terraform.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("main.tf"))) {
            throw new IllegalStateException("no main.tf in " + root + " (set -Dterraform.root)");
        }
        return root;
    }

    static Path module() {
        return root().resolve("modules/rds");
    }

    static Map<String, String> moduleSources() {
        return TerraformConfig.readSources(module());
    }

    static Path cacheModule() {
        return root().resolve("modules/elasticache");
    }

    static Map<String, String> cacheModuleSources() {
        return TerraformConfig.readSources(cacheModule());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

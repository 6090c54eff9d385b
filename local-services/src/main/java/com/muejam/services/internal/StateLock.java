package com.muejam.services.internal;

import com.muejam.services.ServicesException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises up/down/start/stop on one state directory across JVMs (a file lock) and threads (file locks are
 * per process, so threads of one JVM also queue on a monitor first).
 */
final class StateLock implements AutoCloseable {

    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path stateDir) {
        IN_JVM.lock();
        if (IN_JVM.getHoldCount() > 1) {
            // re-entered from the same thread (e.g. restart inside up): the file lock is already ours
            return new StateLock(null, null);
        }
        try {
            Files.createDirectories(stateDir);
            FileChannel ch = FileChannel.open(stateDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new StateLock(ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            IN_JVM.unlock();
            throw new ServicesException("could not lock state directory " + stateDir, e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            IN_JVM.unlock();
        }
    }
}

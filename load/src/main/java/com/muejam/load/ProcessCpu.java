package com.muejam.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time used by processes on this machine, from {@code /proc} (Linux): a process, its reaped children and its
 * live descendants. A PostgreSQL server is its postmaster and the backends it forks, so the postmaster's pid
 * covers the whole server; a JVM is one process.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ: 100 on every Linux the suite runs on). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The CPU time so far of the processes (and their descendants); a pid that is gone counts zero. */
    static Duration of(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            ticks += ticks(pid, true);
            ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                    .mapToLong(child -> ticks(child.pid(), false)).sum();
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** utime + stime (fields 14, 15 of proc(5)), and with {@code reaped} cutime + cstime (16, 17). */
    private static long ticks(long pid, boolean reaped) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            return 0;
        }
        // the command name (field 2) may hold spaces and parentheses: count fields from its closing one
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return reaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }
}

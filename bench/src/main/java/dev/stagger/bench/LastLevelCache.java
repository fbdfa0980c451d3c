package dev.stagger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Size of the largest CPU cache, from Linux's sysfs; 64 MiB when it cannot be read. */
final class LastLevelCache {
    private static final long FALLBACK = 64L << 20;

    private LastLevelCache() {}

    static long bytes() {
        Path caches = Path.of("/sys/devices/system/cpu/cpu0/cache");
        long largest = 0;
        try (var dirs = Files.list(caches)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path size = dir.resolve("size");
                if (Files.isReadable(size)) {
                    largest = Math.max(largest, parse(Files.readString(size).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return FALLBACK;
        }
        return largest > 0 ? largest : FALLBACK;
    }

    private static long parse(String text) {
        long unit = 1;
        if (text.endsWith("K")) {
            unit = 1L << 10;
        } else if (text.endsWith("M")) {
            unit = 1L << 20;
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits) * unit;
    }
}

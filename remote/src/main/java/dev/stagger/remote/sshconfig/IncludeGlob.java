package dev.stagger.remote.sshconfig;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files an {@code Include} pattern names, as {@code glob(3)} finds them: {@code *}, {@code ?} and
 * {@code [...]} in any path component, a leading dot matched only by a dot, results sorted; only regular files
 * that exist (a pattern that matches nothing is no error).
 */
final class IncludeGlob {
    /** Backslash separates paths on Windows; elsewhere it escapes a wildcard, as in glob(3). */
    private static final boolean WINDOWS = File.separatorChar == '\\';

    private IncludeGlob() {
    }

    static List<Path> expand(String pattern) throws IOException {
        String[] parts = pattern.split(WINDOWS ? "[/\\\\]" : "/", -1);
        // the leading components without wildcards form the directory the search starts from
        int first = 0;
        StringBuilder base = new StringBuilder();
        while (first < parts.length - 1 && !hasWildcard(parts[first])) {
            base.append(parts[first]).append('/');
            first++;
        }
        List<Path> found = new ArrayList<>();
        collect(Path.of(base.length() == 0 ? "." : base.toString()), parts, first, found);
        List<Path> files = new ArrayList<>();
        for (Path path : found) {
            if (Files.isRegularFile(path)) {
                files.add(base.length() == 0 ? path.normalize() : path);
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static void collect(Path dir, String[] parts, int index, List<Path> found) throws IOException {
        if (index == parts.length) {
            found.add(dir);
            return;
        }
        String part = parts[index];
        if (part.isEmpty()) { // "a//b" or a trailing "/"
            collect(dir, parts, index + 1, found);
        } else if (!hasWildcard(part)) {
            collect(dir.resolve(unescape(part)), parts, index + 1, found);
        } else if (Files.isDirectory(dir)) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    if (matches(part, entry.getFileName().toString())) {
                        entries.add(entry);
                    }
                }
            }
            for (Path entry : entries) {
                collect(entry, parts, index + 1, found);
            }
        }
    }

    private static boolean hasWildcard(String part) {
        return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0;
    }

    private static String unescape(String part) {
        return WINDOWS ? part : part.replaceAll("\\\\(.)", "$1");
    }

    /** {@code fnmatch} without flags but for the leading-dot rule of {@code glob}. */
    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".")) {
            return false;
        }
        return matchFrom(pattern, 0, name, 0);
    }

    private static boolean matchFrom(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = n; rest <= name.length(); rest++) {
                    if (matchFrom(pattern, p + 1, name, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (n == name.length()) {
                return false;
            }
            if (c == '?') {
                p++;
            } else if (c == '[' && classEnd(pattern, p) > 0) {
                int end = classEnd(pattern, p);
                if (!inClass(pattern, p + 1, end, name.charAt(n))) {
                    return false;
                }
                p = end + 1;
            } else {
                if (c == '\\' && !WINDOWS && p + 1 < pattern.length()) {
                    c = pattern.charAt(++p);
                }
                if (c != name.charAt(n)) {
                    return false;
                }
                p++;
            }
            n++;
        }
        return n == name.length();
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1 (then '[' is literal). */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a ']' first in the class is literal
        }
        return pattern.indexOf(']', i);
    }

    private static boolean inClass(String pattern, int from, int end, char c) {
        int i = from;
        boolean negated = pattern.charAt(i) == '!' || pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean found = false;
        while (i < end) {
            char low = pattern.charAt(i);
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                found |= c >= low && c <= pattern.charAt(i + 2);
                i += 3;
            } else {
                found |= c == low;
                i++;
            }
        }
        return found != negated;
    }
}

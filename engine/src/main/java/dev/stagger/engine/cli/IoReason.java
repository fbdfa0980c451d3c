package dev.stagger.engine.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Why a file operation failed, in words: Java's file exceptions often carry only the path as their
 * message ("writing output to out failed: out"), which names the place and not the reason.
 */
final class IoReason {
    private IoReason() {}

    static String of(Throwable e) {
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof FileSystemException f) {
            String path = f.getFile();
            String why = f.getReason();
            if (why == null || why.isBlank()) {
                why = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e instanceof NotDirectoryException ? "not a directory"
                        : e instanceof FileAlreadyExistsException ? "it exists and is not a folder"
                        : e.getClass().getSimpleName();
            }
            if (e instanceof NoSuchFileException && path != null && isFolder(java.nio.file.Path.of(path).getParent())) {
                // mkdir under /proc or /sys says ENOENT although the parent is right there
                why = "its folder exists but takes no new entries (a system folder such as /proc or /sys?)";
            }
            String other = f.getOtherFile();
            return (path != null ? path + ": " : "") + why + (other != null ? " (" + other + ")" : "");
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static boolean isFolder(java.nio.file.Path p) {
        return p != null && java.nio.file.Files.isDirectory(p);
    }
}

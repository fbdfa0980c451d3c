package dev.stagger.remote.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Host key fingerprints as OpenSSH prints them ({@code SHA256:} and unpadded base64). */
public final class Fingerprints {
    private Fingerprints() {}

    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Whether two fingerprints are the same, ignoring a missing {@code SHA256:} prefix and padding. */
    public static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String f) {
        String s = f.trim();
        if (s.regionMatches(true, 0, "SHA256:", 0, 7)) {
            s = s.substring(7);
        }
        while (s.endsWith("=")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}

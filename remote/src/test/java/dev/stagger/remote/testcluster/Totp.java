package dev.stagger.remote.testcluster;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as {@code oathtool --totp -b SECRET} and pam_google_authenticator
 * compute them (RFC 6238 defaults: HMAC-SHA1, 30 s steps from the epoch, 6 digits).
 */
public final class Totp {
    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private final byte[] key;

    private Totp(byte[] key) {
        this.key = key.clone();
    }

    /** A generator for a base32 secret (RFC 4648 alphabet; case, spaces and padding ignored). */
    public static Totp ofBase32(String secret) {
        return new Totp(Base32.decode(secret));
    }

    /** The code valid now. */
    public String now() {
        return at(Instant.now());
    }

    /** The code valid at {@code time}. */
    public String at(Instant time) {
        return forCounter(Math.floorDiv(time.getEpochSecond(), STEP_SECONDS));
    }

    String forCounter(long counter) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
        // RFC 4226 dynamic truncation
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
    }

    /** RFC 4648 base32 decoding, the secret format of oathtool -b and Google Authenticator. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static byte[] decode(String text) {
            String clean = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
            ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : clean.toCharArray()) {
                int value = ALPHABET.indexOf(c);
                if (value < 0) {
                    throw new IllegalArgumentException("not a base32 character: '" + c + "'");
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    bits -= 8;
                    out.put((byte) (buffer >>> bits));
                    buffer &= (1 << bits) - 1;
                }
            }
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            return bytes;
        }
    }
}

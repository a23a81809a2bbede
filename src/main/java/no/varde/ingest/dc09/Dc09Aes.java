package no.varde.ingest.dc09;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** DC-09 encryption: AES-CBC with an all-zero IV, 128/192/256-bit key, hex on the wire, whole blocks. */
final class Dc09Aes {

    private static final byte[] ZERO_IV = new byte[16];
    private static final String PAD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Dc09Aes() {}

    /** Decrypts the hex after {@code [}; throws when it is not hex, not whole blocks, or the key is wrong size. */
    static String decrypt(byte[] key, String hex) throws GeneralSecurityException {
        byte[] sealed;
        try {
            sealed = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the encrypted part is not hex");
        }
        if (sealed.length == 0 || sealed.length % 16 != 0) {
            throw new GeneralSecurityException("the encrypted part is not whole AES blocks");
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
        return new String(cipher.doFinal(sealed), StandardCharsets.ISO_8859_1);
    }

    /** Random padding + {@code |} + text, padded to whole blocks, encrypted, as upper-case hex. */
    static String encrypt(byte[] key, String text) throws GeneralSecurityException {
        int length = text.length() + 1;
        int padding = (16 - length % 16) % 16;
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < padding; i++) {
            plain.append(PAD.charAt(RANDOM.nextInt(PAD.length())));
        }
        plain.append('|').append(text);
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
        return HexFormat.of()
                .withUpperCase()
                .formatHex(cipher.doFinal(plain.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }
}

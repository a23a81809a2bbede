package no.varde.ingest.dc09;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small DC-09 transmitter written from the specification (SIA DC-09, PROTOCOLS.md), deliberately sharing no
 * code with the receiver: its own table-driven CRC-16/ARC, its own framing and AES-CBC handling.
 */
public final class Dc09TestSender implements AutoCloseable {

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) == 1 ? (c >> 1) ^ 0xA001 : c >> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public Dc09TestSender(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000); // a safety net only: tests never rely on it for their result
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static int crc(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ b) & 0xFF];
        }
        return crc;
    }

    /** LF + CRC + 0LLL + body + CR; {@code corruptCrc} flips the CRC. */
    public static byte[] frame(String body, boolean corruptCrc) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        int crc = crc(bytes) ^ (corruptCrc ? 0x0101 : 0);
        String whole = "\n" + String.format("%04X", crc) + "0" + String.format("%03X", bytes.length) + body + "\r";
        return whole.getBytes(StandardCharsets.US_ASCII);
    }

    public static String timestamp(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return String.format(
                "_%02d:%02d:%02d,%02d-%02d-%04d",
                t.getHour(), t.getMinute(), t.getSecond(), t.getMonthValue(), t.getDayOfMonth(), t.getYear());
    }

    /** A clear frame: {@code "id"seq R L #acct[data]_timestamp}. */
    public static String clear(String id, String seq, String account, String data, Instant at) {
        return "\"" + id + "\"" + seq + "R0001L0001#" + account + "[" + data + "]" + timestamp(at);
    }

    /** An encrypted frame: {@code "*id"seq R L #acct[} + hex(AES-CBC(pad|data]timestamp)). */
    public static String encrypted(String id, String seq, String account, String data, Instant at, byte[] key)
            throws Exception {
        String text = "|" + data + "]" + timestamp(at);
        StringBuilder plain = new StringBuilder();
        while ((plain.length() + text.length()) % 16 != 0) {
            plain.append((char) ('a' + plain.length() % 26));
        }
        plain.append(text);
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        byte[] sealed = aes.doFinal(plain.toString().getBytes(StandardCharsets.US_ASCII));
        StringBuilder hex = new StringBuilder();
        for (byte b : sealed) {
            hex.append(String.format("%02X", b));
        }
        return "\"*" + id + "\"" + seq + "R0001L0001#" + account + "[" + hex;
    }

    public static String decrypt(String hex, byte[] key) throws Exception {
        byte[] sealed = new byte[hex.length() / 2];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return new String(aes.doFinal(sealed), StandardCharsets.US_ASCII);
    }

    public void send(byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
            out.flush();
        }
    }

    /** The next answer frame's body (between LF and CR, after CRC and length), checked for CRC and length. */
    public String answer() throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
        } while (b != '\n');
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("connection closed inside a frame");
            }
            frame.write(b);
        }
        String text = frame.toString(StandardCharsets.US_ASCII);
        String body = text.substring(8);
        if (Integer.parseInt(text.substring(0, 4), 16) != crc(body.getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("answer with a bad CRC: " + text);
        }
        if (Integer.parseInt(text.substring(4, 8), 16) != body.length()) {
            throw new IOException("answer with a bad length: " + text);
        }
        return body;
    }

    /** One frame over UDP, and the answer datagram's body. */
    static String udp(int port, byte[] frame) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(30_000);
            socket.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
            socket.receive(answer);
            String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII).strip();
            return text.substring(8);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

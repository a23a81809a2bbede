package no.varde.ingest.dc09;

/** CRC-16/ARC (polynomial 0x8005 reflected, 0xA001; initial value 0), as DC-09 specifies. */
final class Dc09Crc {

    private Dc09Crc() {}

    static int of(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc & 0xFFFF;
    }
}

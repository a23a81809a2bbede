package no.varde.ingest.dc09;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a TCP stream into DC-09 frames (the bytes between LF and CR): several frames in one read, one frame split
 * over several reads, and noise between frames all work. A frame longer than the limit is dropped.
 */
class Dc09FrameDecoder extends ByteToMessageDecoder {

    static final int MAX_FRAME = 2048;

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (start < 0) {
                in.skipBytes(in.readableBytes()); // noise without a frame start
                return;
            }
            in.readerIndex(start);
            int end = in.indexOf(start + 1, in.writerIndex(), (byte) '\r');
            if (end < 0) {
                if (in.readableBytes() > MAX_FRAME) {
                    in.skipBytes(1); // an endless frame: give up on this start, look for the next
                    continue;
                }
                return; // wait for the rest
            }
            int next = in.indexOf(start + 1, end, (byte) '\n');
            if (next >= 0) {
                in.readerIndex(next); // a new frame started before this one ended: the first was cut off
                continue;
            }
            byte[] frame = new byte[end - start - 1];
            in.getBytes(start + 1, frame);
            in.readerIndex(end + 1);
            out.add(frame);
        }
    }

    /** The same cutting for one UDP datagram. */
    static List<byte[]> frames(byte[] datagram) {
        List<byte[]> frames = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i < datagram.length; i++) {
            if (datagram[i] == '\n') {
                start = i;
            } else if (datagram[i] == '\r' && start >= 0) {
                frames.add(java.util.Arrays.copyOfRange(datagram, start + 1, i));
                start = -1;
            }
        }
        return frames;
    }
}

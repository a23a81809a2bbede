package no.varde.ingest.dc09;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The SIA DC-09 receiver: TCP and UDP on one port (Netty). Transmitters that keep a TCP connection open and send
 * many frames get their answers in frame order; a DUH never closes the connection. Frames are processed off the
 * event loop (database reads and the commit wait on virtual threads).
 */
@Component
@ConditionalOnBooleanProperty(name = "varde.ingest.dc09.enabled", matchIfMissing = true)
public class Dc09Receiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dc09Receiver.class);

    private final Dc09Properties properties;
    private final Dc09Processor processor;
    private ExecutorService workers;
    private EventLoopGroup boss;
    private EventLoopGroup loops;
    private Channel tcp;
    private Channel udp;
    private int port;
    private volatile boolean running;

    Dc09Receiver(Dc09Properties properties, Dc09Processor processor) {
        this.properties = properties;
        this.processor = processor;
    }

    /** The TCP and UDP port in use. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        // a fresh pool on every start: the test framework stops and restarts cached contexts
        workers = Executors.newVirtualThreadPerTaskExecutor();
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loops = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            tcp = new ServerBootstrap()
                    .group(boss, loops)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new IdleStateHandler(
                                            0, 0, properties.idleTimeout().toSeconds(), TimeUnit.SECONDS))
                                    .addLast(new Dc09FrameDecoder())
                                    .addLast(new TcpFrames());
                        }
                    })
                    .bind(properties.host(), properties.port())
                    .sync()
                    .channel();
            port = ((InetSocketAddress) tcp.localAddress()).getPort();
            udp = new Bootstrap()
                    .group(loops)
                    .channel(NioDatagramChannel.class)
                    .handler(new UdpFrames())
                    .bind(properties.host(), port)
                    .sync()
                    .channel();
            running = true;
            log.info("DC-09 receiver listening on {} port {} (TCP, UDP)", properties.host(), port);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("VARDE-DC09-0010: the DC-09 receiver cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        if (udp != null) {
            udp.close().syncUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private CompletableFuture<Optional<byte[]>> process(byte[] frame, String peer) {
        return CompletableFuture.supplyAsync(() -> processor.handle(frame, peer), workers)
                .thenCompose(answer -> answer);
    }

    /** One TCP connection: answers go out in the order the frames came. */
    private final class TcpFrames extends SimpleChannelInboundHandler<byte[]> {

        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        @Override
        protected void channelRead0(ChannelHandlerContext context, byte[] frame) {
            CompletableFuture<Optional<byte[]>> answer =
                    process(frame, String.valueOf(context.channel().remoteAddress()));
            tail = tail.thenCompose(ignored -> answer.thenAccept(
                    bytes -> bytes.ifPresent(out -> context.writeAndFlush(Unpooled.wrappedBuffer(out)))));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent) {
                context.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.debug("DC-09 connection {} failed: {}", context.channel().remoteAddress(), cause.getMessage());
            context.close();
        }
    }

    /** UDP: each datagram holds one frame (or several); the answer goes back to the sender. */
    private final class UdpFrames extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            ByteBuf content = packet.content();
            byte[] datagram = new byte[content.readableBytes()];
            content.readBytes(datagram);
            InetSocketAddress sender = packet.sender();
            for (byte[] frame : Dc09FrameDecoder.frames(datagram)) {
                process(frame, String.valueOf(sender))
                        .thenAccept(answer -> answer.ifPresent(
                                out -> context.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(out), sender))));
            }
        }
    }
}

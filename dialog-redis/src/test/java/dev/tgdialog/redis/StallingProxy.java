package dev.tgdialog.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on loopback between a client and redis-server that can stall the way a network does: while stalled,
 * what clients send is held back, and delivered to Redis on {@link #resume()} even if the client gave up and closed
 * its connection meanwhile (its request then runs with no one waiting for the reply). Replies pass unhindered.
 */
final class StallingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int redisPort;
    private final List<Link> links = new ArrayList<>();
    private boolean stalled;

    StallingProxy(int redisPort) throws IOException {
        this.redisPort = redisPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "stalling-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    synchronized void stall() {
        stalled = true;
    }

    /** Delivers everything held back, then lets requests through again. */
    void resume() throws IOException {
        List<Link> all;
        synchronized (this) {
            stalled = false;
            all = new ArrayList<>(links);
        }
        for (Link link : all) {
            link.flush();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                Link link = new Link(client, redis);
                synchronized (this) {
                    links.add(link);
                }
                daemon(() -> link.toRedis());
                daemon(() -> link.toClient());
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "stalling-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** One client's connection and its own connection to Redis. */
    private final class Link {
        final Socket client;
        final Socket redis;
        final ByteArrayOutputStream held = new ByteArrayOutputStream();
        boolean clientGone;

        Link(Socket client, Socket redis) {
            this.client = client;
            this.redis = redis;
        }

        void toRedis() {
            byte[] buffer = new byte[8192];
            try (InputStream in = client.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    write(buffer, n);
                }
            } catch (IOException e) {
                // The client went away.
            }
            synchronized (this) {
                clientGone = true;
                if (held.size() == 0) {
                    closeQuietly(redis);
                }
            }
        }

        private void write(byte[] buffer, int n) throws IOException {
            boolean hold;
            synchronized (StallingProxy.this) {
                hold = stalled;
            }
            synchronized (this) {
                if (hold || held.size() > 0) {
                    held.write(buffer, 0, n);
                    return;
                }
                redis.getOutputStream().write(buffer, 0, n);
            }
        }

        synchronized void flush() throws IOException {
            if (redis.isClosed()) {
                return;
            }
            if (held.size() > 0) {
                OutputStream out = redis.getOutputStream();
                held.writeTo(out);
                out.flush();
                held.reset();
            }
            if (clientGone) {
                // Redis reads the request before it sees the connection end, and runs it; its reply may already
                // have found the client gone and closed the link.
                try {
                    redis.shutdownOutput();
                } catch (IOException e) {
                    closeQuietly(redis);
                }
            }
        }

        void toClient() {
            byte[] buffer = new byte[8192];
            try (InputStream in = redis.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    client.getOutputStream().write(buffer, 0, n);
                }
            } catch (IOException e) {
                // Either side went away.
            }
            closeQuietly(client);
            closeQuietly(redis);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (this) {
            for (Link link : links) {
                closeQuietly(link.client);
                closeQuietly(link.redis);
            }
        }
    }
}

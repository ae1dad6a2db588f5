package dev.tgdialog.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP/1.1 server on a raw loopback socket, for faults no well-behaved server makes: every request is read whole
 * (head and Content-Length body) and handed to a script that writes whatever bytes it likes, or resets the
 * connection. Connections are kept alive until the script closes them.
 */
public final class RawHttpServer implements AutoCloseable {
    /** One request as the server read it. */
    public record Request(int connection, int indexOnConnection, String method, String path, String body) {
        /** The Bot API method: the last segment of the path. */
        public String apiMethod() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** What the server does with a request; returns false to stop serving the connection. */
    @FunctionalInterface
    public interface Script {
        boolean answer(Request request, Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RawHttpServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::accept, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL to give a client. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Every request read so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Writes a 200 answer with a JSON body and an exact Content-Length, keeping the connection open. */
    public static void json(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Drops the connection with a TCP reset instead of an orderly close. */
    public static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void accept() {
        int connections = 0;
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            int connection = ++connections;
            Thread t = new Thread(() -> serve(socket, connection), "raw-http-connection-" + connection);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int index = 1; ; index++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                int length = 0;
                for (String line : lines) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(
                                line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                Request request = new Request(
                        connection, index, requestLine[0], requestLine[1], new String(body, StandardCharsets.UTF_8));
                requests.add(request);
                if (!script.answer(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to serve.
        }
    }

    /** The request head up to the blank line, or null when the connection ended before one. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection ended inside a request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

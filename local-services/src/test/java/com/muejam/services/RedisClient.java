package com.muejam.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough RESP for the tests (one command, one simple/bulk/integer reply), so no client library is needed. */
final class RedisClient {

    private RedisClient() {
    }

    static String command(int port, int timeoutMillis, String... args) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String first = line(in);
            if (first.startsWith("$")) {
                int len = Integer.parseInt(first.substring(1));
                return len < 0 ? null : line(in);
            }
            return first;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        if (c == -1 && b.length() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString();
    }
}

package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rank 0's server under a crowd, over real sockets: strangers that connect and say nothing, say it
 * a byte at a time, or declare huge frames must not keep a client with the token out, and must not
 * cost the run memory. Each test ends by stopping the run through a client that got in.
 */
class LiveServerCrowdTest {
    /** Loose, for a busy machine: a client with the token gets in well within this. */
    private static final long GETS_IN_MILLIS = 5_000;

    @Test
    void twoHundredIdleConnectionsDoNotKeepAClientOut() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    idle.add(new Socket("127.0.0.1", run.server.port()));
                }
                long start = System.nanoTime();
                try (SocketLiveClient client = run.client()) {
                    assertThat(client.status().state()).isIn(RunState.STARTING, RunState.RUNNING);
                    assertThat(millisSince(start)).isLessThan(GETS_IN_MILLIS);
                    // all but the last few were displaced from the lobby at once, and told why
                    int displaced = 0;
                    for (Socket s : idle) {
                        String end = endOf(s, 20);
                        if (end != null) {
                            assertThat(end).isEqualTo("too many connections waiting to show their token (8); try again");
                            displaced++;
                        }
                    }
                    assertThat(displaced).isGreaterThanOrEqualTo(192);
                    client.control(Command.STOP, 30_000);
                }
            } finally {
                closeAll(idle);
            }
            run.awaitEnd();
        }
    }

    @Test
    void slowlorisClientsAreClosedAtTheWholeHandshakeDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(3);
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000, new LiveServer.Limits(deadline, 8, 32))) {
            ExecutorService threads = Executors.newFixedThreadPool(20);
            try {
                List<Future<Trickled>> slow = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Socket s = new Socket("127.0.0.1", run.server.port());
                    slow.add(threads.submit(() -> trickleMagic(s)));
                }
                long start = System.nanoTime();
                try (SocketLiveClient client = run.client()) {
                    client.status();
                    assertThat(millisSince(start)).isLessThan(GETS_IN_MILLIS);
                    List<Trickled> ends = new ArrayList<>();
                    for (Future<Trickled> f : slow) {
                        ends.add(f.get(deadline.toMillis() + 10_000, TimeUnit.MILLISECONDS));
                    }
                    // a byte a second never extends the deadline: no one outlives it (per-read limits would let all live)
                    for (Trickled t : ends) {
                        assertThat(t.lived()).isLessThan(deadline.plusSeconds(2));
                    }
                    // the ones that kept their place in the lobby were closed by the deadline, and told so
                    assertThat(ends).filteredOn(t -> t.lived().compareTo(deadline.minusMillis(500)) >= 0).isNotEmpty()
                            .allSatisfy(t -> assertThat(t.end()).isEqualTo("no hello within the handshake time (3 s)"));
                    client.control(Command.STOP, 30_000);
                }
            } finally {
                threads.shutdownNow();
            }
            run.awaitEnd();
        }
    }

    @Test
    void hugeHelloDeclarationsAreRefusedWithoutGrowingTheHeap() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000)) {
            long before = heapUsedAfterGc();
            List<Socket> greedy = new ArrayList<>();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 32; i++) {
                    Socket s = new Socket("127.0.0.1", run.server.port());
                    greedy.add(s);
                    java.io.ByteArrayOutputStream declaration = new java.io.ByteArrayOutputStream();
                    DataOutputStream out = new DataOutputStream(declaration);
                    out.write(Wire.MAGIC);
                    out.writeInt(64 << 20);
                    out.writeByte(Wire.HELLO);
                    out.write(new byte[4096]); // the start of what was declared
                    try {
                        s.getOutputStream().write(declaration.toByteArray());
                    } catch (IOException refusedAlready) {
                        // the server may close before the last of it arrives: what this test wants
                    }
                }
                for (Socket s : greedy) {
                    assertThat(endOf(s, 2_000)).as("refused, not held").isNotNull();
                }
                assertThat(millisSince(start)).isLessThan(GETS_IN_MILLIS);
                // the old server allocated each declared 64 MiB at once: 2 GiB for these 32
                assertThat(heapUsedAfterGc() - before).isLessThan(32L << 20);
                try (SocketLiveClient client = run.client()) {
                    client.control(Command.STOP, 30_000);
                }
            } finally {
                closeAll(greedy);
            }
            run.awaitEnd();
        }
    }

    @Test
    void anOversizedHelloIsToldTheLimit() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000); Socket s = new Socket("127.0.0.1", run.server.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(Wire.MAGIC);
            out.writeInt(Hello.MAX_FRAME + 1);
            out.flush();
            assertThat(endOf(s, 5_000))
                    .isEqualTo("a hello of 1025 bytes is over the 1024-byte limit for a client that has not shown its token");
            stop(run);
        }
    }

    @Test
    void aSlowClientDisplacedFromAFullLobbyIsToldWhy() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000,
                new LiveServer.Limits(Duration.ofSeconds(10), 1, 32))) {
            Socket slow = new Socket("127.0.0.1", run.server.port());
            try (Socket newer = new Socket("127.0.0.1", run.server.port())) {
                // the lobby takes the slow one in first (connections are accepted in order), then
                // displaces it for the newer one: its answer is waiting to be read when that has happened
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (slow.getInputStream().available() == 0) {
                    assertThat(System.nanoTime()).as("the slow client is displaced").isLessThan(deadline);
                    Thread.sleep(20);
                }
                // the slow client's hello comes after the server closed its side: it still reads why
                assertThatThrownBy(() -> SocketLiveClient.over(new SocketTransport(slow), run.token, "slow"))
                        .isInstanceOf(LiveRefusedException.class)
                        .hasMessage("the run refused the connection: too many connections waiting to show their token (1); try again");
            }
            stop(run);
        }
    }

    @Test
    void aClientOverTheLimitIsToldSoAndGetsInWhenAPlaceIsFree() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000,
                new LiveServer.Limits(Duration.ofSeconds(10), 8, 2))) {
            SocketLiveClient a = run.client();
            try (SocketLiveClient b = run.client()) {
                long start = System.nanoTime();
                assertThatThrownBy(run::client).isInstanceOf(LiveRefusedException.class)
                        .hasMessage("the run refused the connection: too many clients (2 attached); close one and try again");
                assertThat(millisSince(start)).isLessThan(GETS_IN_MILLIS);
                a.close();
                SocketLiveClient c = null;
                for (int attempt = 0; c == null && attempt < 50; attempt++) {
                    try {
                        c = run.client();
                    } catch (LiveRefusedException stillFull) {
                        Thread.sleep(100); // a's thread is still saying goodbye
                    }
                }
                assertThat(c).isNotNull();
                c.control(Command.STOP, 30_000);
                c.close();
            }
            run.awaitEnd();
        }
    }

    @Test
    void framesAfterTheTokenKeepTheirLimits() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000); Socket s = new Socket("127.0.0.1", run.server.port())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            out.write(Wire.MAGIC);
            Wire.send(out, Wire.HELLO, new Hello(1, 1, run.token, "raw")::write);
            assertThat(Wire.receive(in).type()).isEqualTo(Wire.WELCOME);
            // a request larger than any hello is fine once the token is shown (the padding is ignored)
            Wire.send(out, Wire.STATUS, o -> o.write(new byte[8 * Hello.MAX_FRAME]));
            assertThat(Wire.receive(in).type()).isEqualTo(Wire.STATUS_REPLY);
            // ... and a frame over the protocol's limit still ends the connection
            out.writeInt(Wire.MAX_FRAME + 1);
            out.flush();
            assertThat(in.read()).isEqualTo(-1);
            stop(run);
        }
    }

    private record Trickled(Duration lived, String end) {}

    /** Sends the magic a byte a second, until the server ends the connection; what it said then. */
    private static Trickled trickleMagic(Socket s) throws IOException {
        long start = System.nanoTime();
        try (s) {
            OutputStream out = s.getOutputStream();
            for (int i = 0; ; i++) {
                try {
                    out.write(Wire.MAGIC[i % Wire.MAGIC.length]);
                    out.flush();
                } catch (IOException closed) {
                    return new Trickled(Duration.ofMillis(millisSince(start)), "closed");
                }
                String end = endOf(s, 1_000);
                if (end != null) {
                    return new Trickled(Duration.ofMillis(millisSince(start)), end);
                }
            }
        }
    }

    /**
     * How the server ended a connection within {@code millis}: its refusal's reason, or "closed"
     * (end of stream or reset); null while it is still open.
     */
    private static String endOf(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            Wire.Frame frame = Wire.receive(new DataInputStream(in));
            assertThat(frame.type()).isEqualTo(Wire.REFUSED);
            return Wire.readString(frame.body());
        } catch (SocketTimeoutException open) {
            return null;
        } catch (EOFException | java.net.SocketException ended) {
            return "closed";
        }
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void stop(LiveHarness run) throws Exception {
        try (SocketLiveClient c = run.client()) {
            c.control(Command.STOP, 30_000);
        }
        run.awaitEnd();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    /** A transport over a socket the test connected earlier (to be slow on purpose). */
    private record SocketTransport(Socket socket) implements LiveTransport {
        @Override
        public InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream output() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void readTimeout(int millis) throws IOException {
            socket.setSoTimeout(millis);
        }

        @Override
        public String describe() {
            return "a slow socket";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

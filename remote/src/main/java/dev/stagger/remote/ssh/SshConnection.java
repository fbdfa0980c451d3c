package dev.stagger.remote.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SocketFactory;
import dev.stagger.engine.live.LiveTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SSH connection to a cluster's login node, through any number of jump hosts, carrying every
 * channel Stagger opens there: commands, file transfers and tunnels to live runs (DESIGN sections
 * 3.5 and 6). Exec and SFTP channels are kept below sshd's MaxSessions; each has its own drain
 * threads (one unread channel would stall the whole session) and a watchdog (JSch's channel reads
 * ignore the session timeout). A dropped connection is re-established on demand, with backoff.
 */
public final class SshConnection implements AutoCloseable {
    /** Authentication may wait for a person (a push-approval MFA): long enough for that. */
    private static final int CONNECT_MILLIS = 120_000;
    private static final int CHANNEL_OPEN_MILLIS = 30_000;
    /** Below OpenSSH's default MaxSessions of 10, leaving room for the user's own tools. */
    private static final int MAX_CHANNELS = 8;
    private static final int KEEPALIVE_MILLIS = 15_000;
    private static final int KEEPALIVE_MISSES = 4;
    private static final long[] BACKOFF_MILLIS = {1_000, 2_000, 4_000, 8_000, 16_000};
    private static final int MAX_OUTPUT_BYTES = 64 << 20;
    /** JSch closes a dropped session's channels before it marks the session disconnected: how long that may take. */
    private static final long DROP_SETTLE_MILLIS = 1_000;

    private final List<Hop> hops;
    private final Prompter prompter;
    private final JSch jsch = new JSch();
    private final Semaphore channels = new Semaphore(MAX_CHANNELS, true);
    private final ExecutorService drains = Executors.newCachedThreadPool(daemon("stagger-ssh-io"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("stagger-ssh-watchdog"));
    private final List<Session> sessions = new ArrayList<>();
    private volatile String expectedFingerprint;
    private boolean everConnected;
    private boolean closed;

    private SshConnection(List<Hop> hops, Prompter prompter) {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("no host to connect to");
        }
        this.hops = List.copyOf(hops);
        this.prompter = prompter;
    }

    /** Connects now, through {@code hops} (jump hosts first, the login node last). */
    public static SshConnection open(List<Hop> hops, Prompter prompter) throws SshException {
        SshConnection c = new SshConnection(hops, prompter);
        c.session();
        return c;
    }

    /**
     * Connects, accepting the target's host key only if its SHA-256 fingerprint is this one, and
     * remembering it ({@code stagger cluster trust NAME --fingerprint ...}).
     */
    public static SshConnection openTrusting(List<Hop> hops, Prompter prompter, String fingerprint)
            throws SshException {
        SshConnection c = new SshConnection(hops, prompter);
        c.expectedFingerprint = fingerprint;
        c.session();
        return c;
    }

    public Hop target() {
        return hops.get(hops.size() - 1);
    }

    /** Whether the connection is up right now (it is re-established on the next use if not). */
    public synchronized boolean isConnected() {
        return !sessions.isEmpty() && sessions.get(sessions.size() - 1).isConnected();
    }

    /** The connected session to the login node, reconnecting (with backoff) if it dropped. */
    private synchronized Session session() throws SshException {
        if (closed) {
            throw new SshException("the connection to " + target().describe() + " was closed");
        }
        if (isConnected()) {
            return sessions.get(sessions.size() - 1);
        }
        disconnectAll();
        if (!everConnected) {
            connectChain();
            everConnected = true;
            return sessions.get(sessions.size() - 1);
        }
        SshException last = null;
        for (long pause : BACKOFF_MILLIS) {
            try {
                connectChain();
                return sessions.get(sessions.size() - 1);
            } catch (SshException.Unreachable e) {
                last = e;
                disconnectAll();
                sleep(pause);
            }
        }
        throw last;
    }

    private void connectChain() throws SshException {
        Session previous = null;
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            boolean last = i == hops.size() - 1;
            Session s = connectHop(hop, previous, i == 0 ? null : hops.get(i - 1), last ? expectedFingerprint : null,
                    i == 0);
            sessions.add(s);
            previous = s;
        }
    }

    private Session connectHop(Hop hop, Session through, Hop jump, String fingerprint, boolean outermost)
            throws SshException {
        HostKeys hostKeys;
        try {
            hostKeys = new HostKeys(hop.knownHostsFiles(), prompter);
        } catch (IOException e) {
            throw new SshException(hop.describe() + ": " + e.getMessage(), e);
        }
        if (fingerprint != null) {
            hostKeys.expectFingerprint(fingerprint);
        }
        Identities identities = Identities.forHop(hop);
        Asker asker = new Asker(prompter);
        Session s;
        try {
            s = jsch.getSession(hop.user(), hop.hostName(), hop.port());
        } catch (JSchException e) {
            throw new SshException(hop.describe() + ": " + e.getMessage(), e);
        }
        s.setHostKeyRepository(hostKeys);
        if (hop.hostKeyAlias() != null) {
            s.setHostKeyAlias(hop.hostKeyAlias());
        }
        s.setConfig("StrictHostKeyChecking", "yes");
        s.setConfig("HashKnownHosts", "no");
        s.setConfig("PreferredAuthentications", "publickey,keyboard-interactive");
        // a user's LocalForward in ~/.ssh/config would otherwise bind ports at connect time
        s.setConfig("ClearAllForwardings", "yes");
        s.setIdentityRepository(identities);
        s.setUserInfo(asker);
        s.setDaemonThread(true);
        if (through != null) {
            s.setProxy(new JumpProxy(through, jump, hop));
        }
        try {
            s.connect(CONNECT_MILLIS);
            if (outermost) {
                // keepalives on the real TCP connection find a dead link within a minute
                s.setServerAliveInterval(KEEPALIVE_MILLIS);
                s.setServerAliveCountMax(KEEPALIVE_MISSES);
            }
            return s;
        } catch (JSchUnknownHostKeyException e) {
            HostKeys.Unknown unknown = hostKeys.lastUnknown();
            String fp = unknown == null ? "(unknown)" : unknown.fingerprint();
            String type = unknown == null ? "" : unknown.type() + " ";
            if (fingerprint != null) {
                throw new SshException.UnknownHostKey(hop.describe() + " offered the host key " + type + fp
                        + ", not the fingerprint you gave (" + fingerprint + "): refused. Check the fingerprint with"
                        + " the cluster's administrators.", hop.alias(), fp);
            }
            throw new SshException.UnknownHostKey("the host key of " + hop.describe() + " is not known (it is in no"
                    + " known_hosts file: " + hop.knownHostsFiles() + "). Its fingerprint is " + type + fp + ". Compare it"
                    + " with the one the cluster's administrators publish; if it matches, trust it", hop.alias(), fp);
        } catch (JSchChangedHostKeyException e) {
            throw new SshException("the host key of " + hop.describe() + " HAS CHANGED since it was stored in "
                    + hostKeys.getKnownHostsRepositoryID() + ": refused. Someone may be intercepting the connection,"
                    + " or the host was reinstalled. Ask the cluster's administrators; if they confirm a new key, remove"
                    + " the old one (ssh-keygen -R '" + keyName(hop) + "' -f " + hostKeys.getKnownHostsRepositoryID()
                    + ") and connect again to check the new fingerprint.", e);
        } catch (JSchRevokedHostKeyException e) {
            throw new SshException("the host key of " + hop.describe() + " is marked @revoked in "
                    + hostKeys.getKnownHostsRepositoryID() + ": refused. Ask the cluster's administrators.", e);
        } catch (JSchException e) {
            throw describeFailure(hop, identities, asker, e);
        }
    }

    private static String keyName(Hop hop) {
        if (hop.hostKeyAlias() != null) {
            return hop.hostKeyAlias();
        }
        return hop.port() == 22 ? hop.hostName() : "[" + hop.hostName() + "]:" + hop.port();
    }

    private static SshException describeFailure(Hop hop, Identities identities, Asker asker, JSchException e) {
        String m = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        // sshd ends the connection after MaxAuthTries refusals (wrong MFA codes, many agent keys)
        if (m.startsWith("Auth fail") || m.startsWith("Auth cancel") || m.contains("USERAUTH fail")
                || m.contains("Too many authentication failures")) {
            if (asker.passphraseRefused()) {
                return new SshException("authentication to " + hop.describe() + " failed: the key's passphrase was"
                        + " not given or was wrong three times", e);
            }
            return new SshException("authentication to " + hop.describe() + " failed: the server accepted none of "
                    + identities.describe(hop) + " (or the verification code). Check the user name and that your public"
                    + " key is in the cluster's ~/.ssh/authorized_keys", e);
        }
        if (cause instanceof JumpFailure) {
            // its message names the jump host and the address it could not reach: "connection refused" would mislead
            return new SshException.Unreachable("cannot reach " + hop.describe() + ": " + cause.getMessage(), e);
        }
        if (cause instanceof java.net.UnknownHostException) {
            return new SshException.Unreachable("cannot reach " + hop.describe() + ": unknown host name "
                    + hop.hostName() + " (check HostName in your SSH config)", e);
        }
        if (cause instanceof java.net.ConnectException || m.contains("Connection refused")) {
            return new SshException.Unreachable("cannot reach " + hop.describe() + ": connection refused (is the"
                    + " address and port right, and the host up?)", e);
        }
        if (cause instanceof java.net.SocketTimeoutException || m.contains("timeout") || m.contains("timed out")) {
            return new SshException.Unreachable("cannot reach " + hop.describe() + ": no answer within "
                    + CONNECT_MILLIS / 1000 + " s", e);
        }
        if (cause instanceof IOException || m.contains("Connection closed") || m.contains("Session.connect")
                || m.contains("channel is not opened") || m.contains("connection is closed")) {
            return new SshException.Unreachable("cannot reach " + hop.describe() + ": " + m, e);
        }
        return new SshException("connecting to " + hop.describe() + " failed: " + m, e);
    }

    /** A jump host could not open the connection to the next hop (its sshd gives no reason JSch keeps). */
    private static final class JumpFailure extends java.net.ConnectException {
        JumpFailure(String message) {
            super(message);
        }
    }

    /** A jump: the next hop's TCP connection is a {@code direct-tcpip} channel of the hop before. */
    private static final class JumpProxy implements Proxy {
        private final Session through;
        private final Hop jump;
        private final Hop hop;
        private ChannelDirectTCPIP channel;
        private InputStream in;
        private OutputStream out;

        JumpProxy(Session through, Hop jump, Hop hop) {
            this.through = through;
            this.jump = jump;
            this.hop = hop;
        }

        @Override
        public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
            channel = (ChannelDirectTCPIP) through.getStreamForwarder(host, port);
            // the streams must be taken before connect, or an open failure is lost on JSch's thread
            in = channel.getInputStream();
            out = channel.getOutputStream();
            try {
                channel.connect(timeout > 0 ? timeout : CHANNEL_OPEN_MILLIS);
            } catch (JSchException e) {
                throw new JumpFailure("the jump host " + jump.describe() + " could not open a connection to "
                        + hop.hostName() + ":" + hop.port() + " (is the address and port right, and the host up? "
                        + e.getMessage() + ")");
            }
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public Socket getSocket() {
            return null;
        }

        @Override
        public void close() {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** What a remote command gave back. */
    public record ExecResult(int exit, String stdout, String stderr) {
        public boolean ok() {
            return exit == 0;
        }

        /** stderr, else stdout, trimmed: what to show when it failed. */
        public String complaint() {
            String s = stderr.isBlank() ? stdout : stderr;
            return s.strip();
        }
    }

    /**
     * Runs a command through {@code /bin/sh} on the login node (whatever the user's login shell is),
     * feeding it {@code stdin}, and waits for it at most {@code timeout}.
     */
    public ExecResult exec(String shellCommand, byte[] stdin, Duration timeout) throws SshException {
        String command = "/bin/sh -c " + ShellQuote.quote(shellCommand);
        acquireChannel(timeout);
        ChannelExec channel = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> dog = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        Session s = null;
        try {
            s = session();
            InputStream stdoutStream;
            InputStream stderrStream;
            OutputStream stdinStream;
            for (int refusals = 0; ; refusals++) {
                channel = (ChannelExec) s.openChannel("exec");
                channel.setCommand(command);
                stdoutStream = channel.getInputStream();
                stderrStream = channel.getErrStream();
                stdinStream = channel.getOutputStream();
                ChannelExec c = channel;
                dog = watchdog.schedule(() -> {
                    timedOut.set(true);
                    try {
                        // end the command too, or it keeps one of sshd's MaxSessions slots (OpenSSH 7.9+ honours it)
                        c.sendSignal("KILL");
                    } catch (Exception e) {
                        // an older sshd: the command ends when it next writes to the closed channel
                    }
                    c.disconnect();
                }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (connectChannel(channel, s, timedOut, refusals, deadline)) {
                    break;
                }
                dog.cancel(false);
            }
            InputStream out = stdoutStream;
            InputStream err = stderrStream;
            OutputStream in = stdinStream;
            Future<byte[]> stdout = drains.submit(() -> drain(out));
            Future<byte[]> stderr = drains.submit(() -> drain(err));
            try (in) {
                if (stdin != null && stdin.length > 0) {
                    in.write(stdin);
                    in.flush();
                }
            } catch (IOException e) {
                // the command ended without reading all its input: its exit status says more
            }
            byte[] o = stdout.get();
            byte[] e = stderr.get();
            while (!channel.isClosed() && !timedOut.get()) {
                Thread.sleep(10);
            }
            if (timedOut.get()) {
                throw new SshException("no answer within " + timeout.toSeconds() + " s from " + target().describe()
                        + " running: " + abbreviate(shellCommand));
            }
            if (channel.getExitStatus() < 0 && dropped(s)) {
                // no exit status because the connection went down, not because the command was killed
                throw lost(s, "running a command", null);
            }
            return new ExecResult(channel.getExitStatus(), new String(o, java.nio.charset.StandardCharsets.UTF_8),
                    new String(e, java.nio.charset.StandardCharsets.UTF_8));
        } catch (JSchException e) {
            if (timedOut.get()) {
                throw new SshException("no answer within " + timeout.toSeconds() + " s from " + target().describe()
                        + " running: " + abbreviate(shellCommand));
            }
            throw lost(s, "running a command", e);
        } catch (IOException e) {
            if (e instanceof SshException x) {
                throw x;
            }
            throw lost(s, "running a command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted while running a command on " + target().describe());
        } catch (java.util.concurrent.ExecutionException e) {
            if (timedOut.get()) {
                throw new SshException("no answer within " + timeout.toSeconds() + " s from " + target().describe()
                        + " running: " + abbreviate(shellCommand));
            }
            throw lost(s, "reading a command's output", e.getCause());
        } finally {
            if (dog != null) {
                dog.cancel(false);
            }
            if (channel != null) {
                channel.disconnect();
            }
            channels.release();
        }
    }

    /**
     * Connects an exec or SFTP channel; true when connected. sshd counts a channel against its MaxSessions until it
     * has processed our close of it (and one whose command the watchdog gave up on until that command ends), so it
     * may refuse a channel that our own count allows: then this pauses and returns false, and the caller tries
     * again with a new channel, until the deadline.
     */
    private static boolean connectChannel(Channel channel, Session s, AtomicBoolean timedOut, int refusals,
            long deadline) throws JSchException {
        try {
            channel.connect(CHANNEL_OPEN_MILLIS);
            return true;
        } catch (JSchException e) {
            // JSch marks a channel the server refused (SSH_MSG_CHANNEL_OPEN_FAILURE) closed; a timeout leaves it open
            if (!channel.isClosed() || !s.isConnected() || timedOut.get()) {
                throw e;
            }
            long pause = Math.min(1_000, 20L << Math.min(refusals, 6));
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) >= deadline) {
                throw new JSchException("the server refused another channel " + (refusals + 1) + " times (its"
                        + " MaxSessions reached: are commands of an earlier timeout still running there?)", e);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException i) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return false;
        }
    }

    /** Runs a command that must succeed: its stdout, or an exception with its complaint. */
    public String run(String shellCommand, Duration timeout, String what) throws SshException {
        ExecResult r = exec(shellCommand, null, timeout);
        if (!r.ok()) {
            throw new SshException(what + " failed on " + target().describe() + " (exit " + r.exit() + ")"
                    + (r.complaint().isEmpty() ? "" : ": " + r.complaint()));
        }
        return r.stdout();
    }

    private static byte[] drain(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (buffer.size() < MAX_OUTPUT_BYTES) {
                buffer.write(chunk, 0, Math.min(n, MAX_OUTPUT_BYTES - buffer.size()));
            }
        }
        return buffer.toByteArray();
    }

    /** One SFTP operation. */
    @FunctionalInterface
    public interface SftpWork<T> {
        T run(ChannelSftp sftp) throws SftpException, IOException;
    }

    /**
     * Runs SFTP work on a channel of its own, ended by the watchdog if it takes longer than
     * {@code timeout} (a transfer's caller gives a timeout that fits its size).
     */
    public <T> T sftp(SftpWork<T> work, Duration timeout) throws SshException {
        acquireChannel(timeout);
        ChannelSftp channel = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> dog = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        Session s = null;
        try {
            s = session();
            for (int refusals = 0; ; refusals++) {
                channel = (ChannelSftp) s.openChannel("sftp");
                ChannelSftp c = channel;
                dog = watchdog.schedule(() -> {
                    timedOut.set(true);
                    c.disconnect();
                }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (connectChannel(channel, s, timedOut, refusals, deadline)) {
                    break;
                }
                dog.cancel(false);
            }
            return work.run(channel);
        } catch (SftpException e) {
            if (timedOut.get()) {
                throw new SshException("file transfer with " + target().describe() + " took more than "
                        + timeout.toSeconds() + " s and was stopped");
            }
            if (channel != null && channel.isClosed()) {
                // JSch wraps the failure of a channel the dropped connection closed in an SftpException
                throw lost(s, "transferring files", e);
            }
            throw new SshException("file transfer with " + target().describe() + " failed: " + e.getMessage(), e);
        } catch (JSchException | IOException e) {
            if (timedOut.get()) {
                throw new SshException("file transfer with " + target().describe() + " took more than "
                        + timeout.toSeconds() + " s and was stopped");
            }
            if (e instanceof SshException x) {
                throw x;
            }
            throw lost(s, "transferring files", e);
        } finally {
            if (dog != null) {
                dog.cancel(false);
            }
            if (channel != null) {
                channel.disconnect();
            }
            channels.release();
        }
    }

    /**
     * A tunnel to {@code host:port} as the login node sees it (a compute node's live server): a
     * {@code direct-tcpip} channel of this connection, nothing listening on this machine.
     */
    public LiveTransport tunnel(String host, int port) throws SshException {
        try {
            ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session().getStreamForwarder(host, port);
            InputStream in = channel.getInputStream();
            OutputStream out = channel.getOutputStream();
            try {
                channel.connect(CHANNEL_OPEN_MILLIS);
            } catch (JSchException e) {
                throw new SshException("the login node " + target().describe() + " could not open a connection to "
                        + host + ":" + port + " (" + e.getMessage() + "); the run may have ended, or the site forbids"
                        + " TCP forwarding (AllowTcpForwarding)", e);
            }
            return new ChannelTransport(channel, in, out, watchdog, host + ":" + port + " through " + target().alias());
        } catch (JSchException | IOException e) {
            if (e instanceof SshException s) {
                throw s;
            }
            throw lost(null, "opening a tunnel", e);
        }
    }

    /**
     * The failure of a channel of session {@code s} (null: the current one): {@link SshException.Unreachable}
     * when the connection dropped under it, which the caller may retry after a reconnect.
     */
    private SshException lost(Session s, String doing, Throwable e) {
        String m = e == null ? "" : String.valueOf(e.getMessage());
        if (dropped(s)) {
            return new SshException.Unreachable("the connection to " + target().describe() + " dropped while "
                    + doing + (m.isEmpty() ? "" : " (" + m + ")") + "; it is re-established on the next try", e);
        }
        return new SshException(doing + " on " + target().describe() + " failed: " + m, e);
    }

    /**
     * Whether session {@code s} (null: the current one) is down. JSch closes a dropped session's channels
     * first and marks the session disconnected after that: a channel that failed because the connection
     * dropped may still find its session "connected" for a moment, which this waits out.
     */
    private boolean dropped(Session s) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DROP_SETTLE_MILLIS);
        while (true) {
            boolean up;
            if (s != null) {
                up = s.isConnected();
            } else {
                synchronized (this) {
                    up = isConnected();
                }
            }
            if (!up) {
                return true;
            }
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException i) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void acquireChannel(Duration timeout) throws SshException {
        try {
            if (!channels.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new SshException("all " + MAX_CHANNELS + " channels to " + target().describe() + " stayed busy for "
                        + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted while waiting for a channel to " + target().describe());
        }
    }

    /** Drops the connection (as a network failure would); the next use reconnects. For tests and "reconnect now". */
    public synchronized void drop() {
        disconnectAll();
    }

    private void disconnectAll() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            sessions.get(i).disconnect();
        }
        sessions.clear();
    }

    @Override
    public synchronized void close() {
        closed = true;
        disconnectAll();
        drains.shutdownNow();
        watchdog.shutdownNow();
    }

    private static String abbreviate(String command) {
        String oneLine = command.replace('\n', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    private static void sleep(long millis) throws SshException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted while reconnecting");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @SuppressWarnings("unused")
    private static void closeQuietly(Channel c) {
        if (c != null) {
            c.disconnect();
        }
    }
}

package dev.stagger.engine.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

/** What this machine can tell about a run's process from its endpoint file. */
enum RunProcess {
    /** Its pid lives here, in a process that started before the endpoint was written. */
    ALIVE,
    /** It ran here and is gone (or its pid now belongs to a younger process). */
    GONE,
    /** It runs on another host: its pid means nothing here. */
    ELSEWHERE;

    /** Slack for clocks read a moment apart (the process starts just before it writes its endpoint). */
    private static final long SLACK_MILLIS = 1_000;

    static RunProcess of(RunEndpoint endpoint) {
        if (!isThisMachine(endpoint.host())) {
            return ELSEWHERE;
        }
        boolean alive = ProcessHandle.of(endpoint.pid()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant()
                        .map(s -> !s.isAfter(endpoint.started().plusMillis(SLACK_MILLIS))).orElse(true))
                .isPresent();
        return alive ? ALIVE : GONE;
    }

    private static boolean isThisMachine(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.isAnyLocalAddress() || host.equals(InetAddress.getLocalHost().getHostName())
                    || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
        }
    }
}

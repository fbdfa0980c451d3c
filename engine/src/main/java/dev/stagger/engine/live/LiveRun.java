package dev.stagger.engine.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live side of a run on rank 0: its status, its event stream, and the requests clients leave
 * for the time loop (previews, controls). Clients only ever enqueue and wait on futures; the time
 * loop takes requests at step boundaries when it chooses to, so no client can slow it down.
 * After the run ended, previews are still served from the final state by whoever holds it.
 */
public final class LiveRun {
    private final EventLog events = new EventLog(20_000);
    private final ConcurrentLinkedQueue<Pending<PreviewRequest, Preview>> previews = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending<Command, String>> controls = new ConcurrentLinkedQueue<>();
    private final Object wake = new Object();
    private volatile Status status;

    /** A request and the answer the time loop will give it. */
    public record Pending<Q, A>(Q request, CompletableFuture<A> answer) {}

    public LiveRun(Status initial) {
        this.status = initial;
    }

    public EventLog events() {
        return events;
    }

    public Status status() {
        return status;
    }

    public void update(Status newStatus) {
        this.status = newStatus;
    }

    public CompletableFuture<Preview> requestPreview(PreviewRequest request) {
        CompletableFuture<Preview> answer = new CompletableFuture<>();
        if (status.state().isOver()) {
            answer.completeExceptionally(new IllegalStateException("the run has ended; open its output instead"));
            return answer;
        }
        if (!status.fields().contains(request.field())) {
            answer.completeExceptionally(new IllegalArgumentException("no field '" + request.field()
                    + "' in this run; fields: " + String.join(", ", status.fields())));
            return answer;
        }
        previews.add(new Pending<>(request, answer));
        signal();
        return answer;
    }

    public CompletableFuture<String> control(Command command) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        if (status.state().isOver()) {
            answer.complete("the run has already ended (" + status.state().name().toLowerCase() + ")");
            return answer;
        }
        controls.add(new Pending<>(command, answer));
        signal();
        return answer;
    }

    /** The oldest waiting preview request, or null. For the time loop. */
    public Pending<PreviewRequest, Preview> nextPreview() {
        return previews.poll();
    }

    /** Waiting previews asking for exactly this, answered together with it. */
    public List<Pending<PreviewRequest, Preview>> takeSame(PreviewRequest request) {
        List<Pending<PreviewRequest, Preview>> same = previews.stream().filter(p -> p.request().equals(request)).toList();
        previews.removeAll(same);
        return same;
    }

    public Pending<Command, String> nextControl() {
        return controls.poll();
    }

    /** Fails every waiting request: the run is over. */
    public void drain(String reason) {
        Pending<PreviewRequest, Preview> p;
        while ((p = previews.poll()) != null) {
            p.answer().completeExceptionally(new IllegalStateException(reason));
        }
        Pending<Command, String> c;
        while ((c = controls.poll()) != null) {
            c.answer().complete(reason);
        }
    }

    /** While paused, the loop sleeps here until a request arrives or the time is up. */
    public void awaitRequest(long millis) throws InterruptedException {
        synchronized (wake) {
            if (previews.isEmpty() && controls.isEmpty()) {
                wake.wait(millis);
            }
        }
    }

    private void signal() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** A client in this process: what embedded runs and tests use. */
    public LiveClient client() {
        return new LiveClient() {
            @Override
            public Status status() {
                return LiveRun.this.status();
            }

            @Override
            public List<Event> events(long after, int max, long waitMillis) throws IOException {
                try {
                    return events.after(after, max, waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for events", e);
                }
            }

            @Override
            public Preview preview(PreviewRequest request, long timeoutMillis) throws IOException {
                return await(requestPreview(request), timeoutMillis, "preview of " + request.field());
            }

            @Override
            public String control(Command command, long timeoutMillis) throws IOException {
                return await(LiveRun.this.control(command), timeoutMillis, command.name().toLowerCase());
            }

            @Override
            public void close() {}
        };
    }

    static <T> T await(CompletableFuture<T> future, long timeoutMillis, String what) throws IOException {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(what + ": no answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + ": interrupted", e);
        }
    }
}

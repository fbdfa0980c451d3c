package dev.stagger.remote.testcluster;

/** This machine cannot host the loopback cluster: the tests that need it are skipped, not failed. */
final class ClusterUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    ClusterUnavailableException(String reason) {
        super(reason);
    }
}

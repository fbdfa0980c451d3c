package dev.stagger.remote.testcluster;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(LoopbackClusterExtension.class)}: starts the shared {@link LoopbackCluster}
 * before the first test, skips each test where the machine cannot host it (per test, not per
 * class: build tools report a class-level skip poorly, often without its reason), injects it into
 * test and lifecycle method parameters of type {@code LoopbackCluster}, and stops it when the
 * whole test run ends (a resource in the root store, which every test class of the run shares).
 */
public final class LoopbackClusterExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LoopbackClusterExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoopbackCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    private static LoopbackCluster start(ExtensionContext context) {
        LoopbackCluster cluster = LoopbackCluster.get();
        context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StopAtEndOfRun.class, key -> new StopAtEndOfRun(), StopAtEndOfRun.class);
        return cluster;
    }

    /** Closed by JUnit when the root context closes, after the last test of the run. */
    private static final class StopAtEndOfRun implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            LoopbackCluster.stopShared(false);
        }
    }
}

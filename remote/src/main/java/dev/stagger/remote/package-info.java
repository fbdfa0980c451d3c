/**
 * Cluster runs over SSH: connection profiles, host-key verification, deployment of the engine bundle,
 * job scripts (mpirun, Slurm), the run ledger and tunnels to a run's live server. Depends on the engine,
 * never on JavaFX. The capability lands with the issue on SSH runs; the module exists now so that the
 * build and the architecture rules already cover it.
 */
package dev.stagger.remote;

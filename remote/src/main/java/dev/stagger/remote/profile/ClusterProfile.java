package dev.stagger.remote.profile;

import java.util.List;
import java.util.Objects;

/**
 * A cluster profile: how to reach a cluster and start runs on it, with defaults applied. It never
 * holds a secret: passwords, passphrases and one-time codes are asked for at connect time.
 *
 * <p>Null components are "not set here": for the SSH settings ({@code user}, {@code port},
 * {@code identityFile}, {@code knownHosts}, {@code proxyJump}) the SSH config (or SSH's default)
 * decides. Local paths are kept as written ({@code ~/.ssh/config}); expand them with
 * {@link LocalPaths#expand}. {@code workdir}, {@code java} and {@code mpirun} are on the cluster and
 * are handed to its shell as they are ({@code $SCRATCH/stagger} works).
 *
 * <p>The record itself does not validate, so that a draft (from a dialog, from options) can be
 * held; {@link ProfileStore#save} and {@link ProfileReader} refuse invalid profiles.
 *
 * @param name         the profile's name ({@code hpc1}), also its file name and the first part of run ids
 * @param host         an alias in the SSH config, or a host name
 * @param sshConfig    the SSH config file to resolve {@code host} in (default {@value #DEFAULT_SSH_CONFIG})
 * @param proxyJump    jump hosts, {@code [user@]host[:port]} separated by commas, or {@code none}
 * @param slurm        the Slurm settings; non-null exactly when {@code launcher} is {@link Launcher#SLURM}
 *                     (defaults when the file has no {@code slurm:} block), null for {@link Launcher#DIRECT}
 *                     unless a draft holds settings that validation will then refuse
 * @param setup        shell lines run before the engine ({@code module load ...})
 * @param workdir      the remote work root, runs/ and bundles/ go under it (default {@value #DEFAULT_WORKDIR})
 */
public record ClusterProfile(String name, String host, String sshConfig, String user, Integer port,
        String identityFile, String knownHosts, String proxyJump, Launcher launcher, MpiStarter mpiStarter,
        SlurmSettings slurm, List<String> setup, String workdir, String java, String mpirun) {

    /** The profile format this code reads and writes ({@code format: 1}). */
    public static final int FORMAT = 1;
    public static final String DEFAULT_SSH_CONFIG = "~/.ssh/config";
    public static final String DEFAULT_WORKDIR = "~/stagger";
    public static final String DEFAULT_JAVA = "java";
    public static final String DEFAULT_MPIRUN = "mpirun";

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        sshConfig = sshConfig == null ? DEFAULT_SSH_CONFIG : sshConfig;
        launcher = launcher == null ? Launcher.DIRECT : launcher;
        mpiStarter = mpiStarter == null ? MpiStarter.MPIRUN : mpiStarter;
        if (slurm == null && launcher == Launcher.SLURM) {
            slurm = SlurmSettings.DEFAULTS;
        }
        setup = setup == null ? List.of() : List.copyOf(setup);
        workdir = workdir == null ? DEFAULT_WORKDIR : workdir;
        java = java == null ? DEFAULT_JAVA : java;
        mpirun = mpirun == null ? DEFAULT_MPIRUN : mpirun;
    }

    /** A profile with only a name and a host; everything else at its default. */
    public static Builder builder(String name, String host) {
        return new Builder(name, host);
    }

    /** A builder that starts from this profile, to change a few values. */
    public Builder toBuilder() {
        return new Builder(name, host).sshConfig(sshConfig).user(user).port(port).identityFile(identityFile)
                .knownHosts(knownHosts).proxyJump(proxyJump).launcher(launcher).mpiStarter(mpiStarter).slurm(slurm)
                .setup(setup).workdir(workdir).java(java).mpirun(mpirun);
    }

    /** Builds profiles one value at a time; null leaves a value at its default. */
    public static final class Builder {
        private String name;
        private String host;
        private String sshConfig;
        private String user;
        private Integer port;
        private String identityFile;
        private String knownHosts;
        private String proxyJump;
        private Launcher launcher;
        private MpiStarter mpiStarter;
        private SlurmSettings slurm;
        private List<String> setup;
        private String workdir;
        private String java;
        private String mpirun;

        private Builder(String name, String host) {
            this.name = name;
            this.host = host;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder sshConfig(String value) {
            sshConfig = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder port(Integer value) {
            port = value;
            return this;
        }

        public Builder identityFile(String value) {
            identityFile = value;
            return this;
        }

        public Builder knownHosts(String value) {
            knownHosts = value;
            return this;
        }

        public Builder proxyJump(String value) {
            proxyJump = value;
            return this;
        }

        public Builder launcher(Launcher value) {
            launcher = value;
            return this;
        }

        public Builder mpiStarter(MpiStarter value) {
            mpiStarter = value;
            return this;
        }

        public Builder slurm(SlurmSettings value) {
            slurm = value;
            return this;
        }

        public Builder setup(List<String> value) {
            setup = value;
            return this;
        }

        public Builder workdir(String value) {
            workdir = value;
            return this;
        }

        public Builder java(String value) {
            java = value;
            return this;
        }

        public Builder mpirun(String value) {
            mpirun = value;
            return this;
        }

        public ClusterProfile build() {
            return new ClusterProfile(name, host, sshConfig, user, port, identityFile, knownHosts, proxyJump, launcher,
                    mpiStarter, slurm, setup, workdir, java, mpirun);
        }
    }
}

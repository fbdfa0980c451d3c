/**
 * An OpenSSH client configuration resolver of our own, after {@code ssh_config(5)} and OpenSSH's
 * {@code readconf.c}: JSch's {@code OpenSSHConfig} ignores {@code ProxyJump}, {@code Include}, {@code Match}
 * and {@code %} tokens, so Stagger resolves the configuration here and sets JSch's session fields from the
 * result. {@link dev.stagger.remote.sshconfig.SshConfig} is the entry point; it runs no code of its own,
 * the only commands it starts are {@code Match exec} ones, through the
 * {@link dev.stagger.remote.sshconfig.MatchExecRunner} of the {@link dev.stagger.remote.sshconfig.SshEnvironment}.
 */
package dev.stagger.remote.sshconfig;

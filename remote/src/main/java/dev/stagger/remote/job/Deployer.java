package dev.stagger.remote.job;

import static dev.stagger.remote.ssh.ShellQuote.quote;

import com.jcraft.jsch.ChannelSftp;
import dev.stagger.remote.ssh.SshConnection;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the engine bundle on a cluster: once per hash, under {@code WORK_ROOT/bundles/HASH/}. It is
 * uploaded under a temporary name and renamed into place, so a bundle folder is either complete or
 * absent; a lock folder keeps two clients from uploading the same bundle at once. Older bundles are
 * removed, keeping the last few used (runs still going keep theirs: a running JVM has its jars open).
 */
public final class Deployer {
    static final int KEEP_BUNDLES = 3;
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final SshConnection ssh;

    public Deployer(SshConnection ssh) {
        this.ssh = ssh;
    }

    /** The absolute remote folder of the bundle, uploading it first if the cluster lacks it. */
    public String deploy(EngineBundle bundle, String workRoot, Consumer<String> progress) throws SshException {
        String bundles = workRoot + "/bundles";
        String target = bundles + "/" + bundle.hash();
        String present = ssh.run("mkdir -p " + quote(bundles) + " && if [ -f " + quote(target + "/complete") + " ]; then"
                + " touch " + quote(target + "/complete") + "; echo yes; else echo no; fi", QUICK, "looking for the engine bundle").strip();
        if (present.equals("yes")) {
            progress.accept("engine bundle " + bundle.hash() + " is already on the cluster");
            return target;
        }
        String lock = bundles + "/.lock-" + bundle.hash();
        acquire(lock);
        try {
            present = ssh.run("[ -f " + quote(target + "/complete") + " ] && echo yes || echo no", QUICK, "looking for the engine bundle").strip();
            if (!present.equals("yes")) {
                upload(bundle, bundles, target, progress);
            }
        } finally {
            ssh.exec("rmdir " + quote(lock), null, QUICK);
        }
        prune(bundles, bundle.hash());
        return target;
    }

    /** What the cluster's Java is, as {@link #ensureJava} found it. */
    public record JavaCheck(int major, String arch, boolean runtimeDeployed, String unameSm) {}

    /** The major version of {@code java} on the cluster (0 if it does not run), its architecture, and whether a runtime is deployed. */
    public JavaCheck checkJava(Site site, String workRoot) throws SshException {
        String java = site.java();
        String setup = site.setup().isEmpty() ? "" : String.join("; ", site.setup()) + "; ";
        String out = ssh.run(setup + "v=$(" + quote(java) + " -XshowSettings:properties -version 2>&1 | sed -n"
                + " 's/^ *java.specification.version = //p' | cut -d. -f1); echo \"major=${v:-0}\"; echo \"uname=$(uname -sm)\";"
                + " [ -x " + quote(workRoot + "/runtimes/current/bin/java") + " ] && echo runtime=yes; true", QUICK,
                "checking Java on the cluster");
        int major = 0;
        String uname = "";
        boolean runtime = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("major=")) {
                try {
                    major = Integer.parseInt(line.substring(6).strip());
                } catch (NumberFormatException e) {
                    major = 0;
                }
            } else if (line.startsWith("uname=")) {
                uname = line.substring(6).strip();
            } else if (line.startsWith("runtime=yes")) {
                runtime = true;
            }
        }
        String[] parts = uname.split("\\s+");
        return new JavaCheck(major, parts.length > 1 ? parts[1] : uname, runtime, uname);
    }

    /**
     * Makes sure runs find a Java 17+: the profile's, else a runtime deployed under
     * {@code WORK_ROOT/runtimes/} (the job script falls back to it), uploading a jlink image of this
     * machine's JDK when the cluster's OS and architecture match this machine's.
     */
    public String ensureJava(Site site, String workRoot, Path cache, Consumer<String> progress) throws IOException {
        String java = site.java();
        JavaCheck check = checkJava(site, workRoot);
        if (check.major() >= 17) {
            return "Java " + check.major() + " on " + check.arch();
        }
        if (check.runtimeDeployed()) {
            return "the deployed runtime (" + java + " is " + (check.major() == 0 ? "missing" : "Java " + check.major()) + ")";
        }
        if (!RuntimeImage.fits(check.unameSm())) {
            throw new SshException("the cluster has no Java 17+ ('" + java + "' is " + (check.major() == 0 ? "missing"
                    : "Java " + check.major()) + ") and runs " + check.unameSm() + ", which a runtime made here ("
                    + System.getProperty("os.name") + " " + RuntimeImage.localArch() + ") cannot serve; load a Java 17+"
                    + " in the profile's setup lines or point its java at one");
        }
        progress.accept("the cluster has no Java 17+: making a runtime of this machine's Java for it (jlink)");
        RuntimeImage image = RuntimeImage.build(cache);
        String runtimes = workRoot + "/runtimes";
        String target = runtimes + "/" + image.id();
        String temp = runtimes + "/.upload-" + image.id() + "-" + Long.toHexString(System.nanoTime());
        long size = Files.size(image.archive());
        progress.accept(String.format("uploading the runtime %s (%.1f MB)", image.id(), size / 1e6));
        ssh.run("mkdir -p " + quote(temp), QUICK, "creating " + temp);
        ssh.sftp(sftp -> {
            sftp.put(image.archive().toString(), temp + "/runtime.tar.gz", ChannelSftp.OVERWRITE);
            return null;
        }, Duration.ofSeconds(120 + size / 100_000));
        ssh.run("cd " + quote(temp) + " && mkdir image && tar -xzf runtime.tar.gz -C image && rm runtime.tar.gz"
                + " && image/bin/java -version >/dev/null 2>&1 && { mv -T image " + quote(target) + " 2>/dev/null || true; }"
                + " && cd .. && rm -rf " + quote(temp) + " && ln -sfn " + quote(image.id()) + " " + quote(runtimes + "/current"),
                Duration.ofMinutes(5), "unpacking the runtime");
        progress.accept("runtime " + image.id() + " deployed to " + target);
        return "the deployed runtime " + image.id();
    }

    private void upload(EngineBundle bundle, String bundles, String target, Consumer<String> progress) throws SshException {
        String temp = bundles + "/.upload-" + bundle.hash() + "-" + Long.toHexString(System.nanoTime());
        List<Path> files = new ArrayList<>();
        files.add(bundle.engineJar());
        files.addAll(bundle.libraries());
        long total = 0;
        for (Path f : files) {
            total += f.toFile().length();
        }
        progress.accept(String.format("uploading the engine bundle %s (%d files, %.1f MB)", bundle.hash(), files.size(), total / 1e6));
        // a slow link gets time in proportion to the size: 100 kB/s at worst
        Duration timeout = Duration.ofSeconds(120 + total / 100_000);
        ssh.sftp(sftp -> {
            sftp.mkdir(temp);
            sftp.mkdir(temp + "/lib");
            sftp.put(bundle.engineJar().toString(), temp + "/" + EngineBundle.ENGINE_JAR, ChannelSftp.OVERWRITE);
            for (Path lib : bundle.libraries()) {
                sftp.put(lib.toString(), temp + "/lib/" + lib.getFileName(), ChannelSftp.OVERWRITE);
            }
            return null;
        }, timeout);
        ssh.run("touch " + quote(temp + "/complete") + " && mv -T " + quote(temp) + " " + quote(target)
                + " 2>/dev/null || rm -rf " + quote(temp), QUICK, "moving the engine bundle into place");
        progress.accept("engine bundle " + bundle.hash() + " uploaded");
    }

    private void acquire(String lock) throws SshException {
        long until = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            // mkdir is atomic; a lock older than ten minutes belongs to a client that died mid-upload
            String got = ssh.run("if mkdir " + quote(lock) + " 2>/dev/null; then echo yes; elif [ -n \"$(find " + quote(lock)
                    + " -maxdepth 0 -mmin +10 2>/dev/null)\" ]; then rmdir " + quote(lock) + " 2>/dev/null; echo stale; else echo no; fi",
                    QUICK, "locking the bundle folder").strip();
            if (got.equals("yes")) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new SshException("another upload of the engine bundle holds " + lock + " for more than "
                        + LOCK_WAIT.toMinutes() + " minutes; remove that folder if no Stagger is uploading");
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SshException("interrupted while waiting for the bundle lock");
            }
        }
    }

    /** Removes all but the {@value #KEEP_BUNDLES} most recently used complete bundles, and abandoned uploads. */
    private void prune(String bundles, String keep) throws SshException {
        // bundles of runs still going (no job.end yet) stay: their JVMs load classes from them
        ssh.exec("cd " + quote(bundles) + " && in_use=$(for r in ../runs/*/; do [ -f \"$r/job.bundle\" ] && [ ! -f \"$r/job.end\" ]"
                + " && cat \"$r/job.bundle\"; done 2>/dev/null); ls -1t */complete 2>/dev/null | sed 's|/complete$||' | tail -n +"
                + (KEEP_BUNDLES + 1) + " | while IFS= read -r b; do [ \"$b\" = " + quote(keep) + " ] || printf '%s\\n' \"$in_use\""
                + " | grep -qxF \"$b\" || rm -rf -- \"$b\"; done;"
                + " find . -maxdepth 1 -name '.upload-*' -mmin +60 -exec rm -rf {} + 2>/dev/null; true", null, QUICK);
    }
}

package dev.stagger.remote.job;

import static dev.stagger.remote.ssh.ShellQuote.quote;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.SocketLiveClient;
import dev.stagger.remote.ssh.ShellQuote;
import dev.stagger.remote.ssh.SshConnection;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The runs of one cluster, over one SSH connection: submit, status, logs, live client, cancel and
 * fetch. The run directory ({@code WORK_ROOT/runs/NAME}) is the record of every run; nothing here
 * depends on a local cache.
 */
public final class ClusterRuns {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);

    private final SshConnection ssh;
    private final Site site;
    private String workRoot;

    public ClusterRuns(SshConnection ssh, Site site) {
        this.ssh = ssh;
        this.site = site;
    }

    public Site site() {
        return site;
    }

    public SshConnection connection() {
        return ssh;
    }

    /** The work root as an absolute path on the cluster (created if missing). */
    public synchronized String workRoot() throws SshException {
        if (workRoot == null) {
            String root = ShellQuote.path(site.workRoot());
            workRoot = ssh.run("mkdir -p " + root + " && cd " + root + " && pwd -P", QUICK,
                    "creating the work root " + site.workRoot()).strip();
            if (workRoot.isEmpty() || !workRoot.startsWith("/")) {
                throw new SshException("the work root " + site.workRoot() + " did not resolve to an absolute path on "
                        + ssh.target().describe() + " (got '" + workRoot + "')");
            }
        }
        return workRoot;
    }

    public String runDirectory(RunId id) throws SshException {
        return workRoot() + "/runs/" + id.name();
    }

    /** What {@link #submit} did: the job id (Slurm) and the remote run directory. */
    public record Submitted(RunId id, String jobId, String runDirectory, String script) {}

    /** The job script and submit command, as {@code --dry-run} shows them; nothing is changed. */
    public Submitted plan(JobRequest job, String bundleDir) throws SshException {
        String dir = runDirectory(job.id());
        return new Submitted(job.id(), null, dir, JobScript.render(site, job, dir, bundleDir, workRoot()));
    }

    /**
     * Creates the run directory with the project, writes the job script and starts it. If the
     * reply of {@code sbatch} is lost, the job is looked up by its name instead of submitted again.
     */
    public Submitted submit(Path projectFile, JobRequest job, String bundleDir, Consumer<String> progress)
            throws IOException {
        String dir = runDirectory(job.id());
        ssh.run("mkdir -p " + quote(workRoot() + "/runs") + " && mkdir -m 700 " + quote(dir), QUICK,
                "creating the run directory " + dir);
        byte[] project = Files.readAllBytes(projectFile);
        List<ProjectCompanions.Companion> companions = ProjectCompanions.of(projectFile);
        for (ProjectCompanions.Companion c : companions) {
            int slash = c.relativePath().lastIndexOf('/');
            if (slash > 0) {
                ssh.run("mkdir -p " + quote(dir + "/" + c.relativePath().substring(0, slash)), QUICK,
                        "creating the folder of " + c.relativePath());
            }
        }
        ssh.sftp(sftp -> {
            sftp.put(new java.io.ByteArrayInputStream(project), dir + "/" + job.projectFileName());
            for (ProjectCompanions.Companion c : companions) {
                try (java.io.InputStream in = Files.newInputStream(c.local())) {
                    sftp.put(in, dir + "/" + c.relativePath());
                }
            }
            sftp.put(new java.io.ByteArrayInputStream((bundleDir.substring(bundleDir.lastIndexOf('/') + 1) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), dir + "/job.bundle");
            return null;
        }, QUICK);
        String script = JobScript.render(site, job, dir, bundleDir, workRoot());
        progress.accept(site.launcher() == Site.Launcher.SLURM ? "submitting to Slurm" : "starting the job");
        String command = setup() + JobScript.submitCommand(site, job, dir);
        if (site.launcher() == Site.Launcher.DIRECT) {
            SshConnection.ExecResult r = ssh.exec(command, script.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
            if (!r.ok()) {
                throw new SshException("starting the job on " + ssh.target().describe() + " failed: " + r.complaint());
            }
            return new Submitted(job.id(), null, dir, script);
        }
        String jobId = null;
        String lost = null;
        try {
            SshConnection.ExecResult r = ssh.exec(command, script.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2));
            if (r.exit() < 0) {
                lost = "the connection closed before sbatch's exit status came back";
            } else if (!r.ok()) {
                throw new SshException("sbatch refused the job on " + ssh.target().describe() + ": " + r.complaint());
            } else {
                jobId = parseJobId(r.stdout());
            }
        } catch (SshException e) {
            if (e.getMessage().startsWith("sbatch refused")) {
                throw e;
            }
            lost = e.getMessage();
        }
        if (lost != null) {
            // the job may have been submitted all the same: look for it by its unique name, never submit twice
            progress.accept("the answer of sbatch was lost (" + lost + "); looking for the job by its name");
            SshException e = new SshException(lost);
            jobId = findJobByName(job.id());
            if (jobId == null) {
                throw new SshException("the submission's answer was lost and Slurm has no job named " + job.id().jobName()
                        + "; nothing was submitted twice. Run the same command again to submit it", e);
            }
        }
        ssh.run("echo " + quote(jobId) + " > " + quote(dir + "/job.id"), QUICK, "recording the job id");
        return new Submitted(job.id(), jobId, dir, script);
    }

    /** {@code jobid} or {@code jobid;cluster}, as {@code sbatch --parsable} prints it. */
    static String parseJobId(String reply) throws SshException {
        String line = reply.strip();
        int semicolon = line.indexOf(';');
        String id = semicolon >= 0 ? line.substring(0, semicolon) : line;
        if (!id.matches("[0-9]+(_[0-9]+)?")) {
            throw new SshException("sbatch answered '" + line + "', not a job id");
        }
        return id;
    }

    private String findJobByName(RunId id) throws SshException {
        String name = quote(id.jobName());
        String found = ssh.run(setup() + "squeue -h -t all -u \"$(id -un)\" -n " + name + " -o %i 2>/dev/null | head -n1;"
                + " sacct -n -X -P -n -o JobID --name=" + name + " 2>/dev/null | head -n1", QUICK, "looking for the job").strip();
        for (String line : found.split("\n")) {
            if (line.strip().matches("[0-9]+")) {
                return line.strip();
            }
        }
        return null;
    }

    /** The run's state from its directory, then the scheduler (or process liveness for direct runs). */
    public RunStatus status(RunId id) throws SshException {
        String dir = runDirectory(id);
        String script = "cd " + quote(dir) + " 2>/dev/null || { echo missing=1; exit 0; }\n"
                + "for f in job.id job.pid job.pgid job.exit job.start job.end job.nodes job.cancelled; do\n"
                + "  [ -f \"$f\" ] && printf '%s=%s\\n' \"$f\" \"$(head -c 300 \"$f\" | tr -d '\\n')\"\n"
                + "done\n"
                + "[ -f stagger-run.state ] && sed -n 's/^\\(state\\|step\\|message\\)=/run.\\1=/p' stagger-run.state\n"
                + "[ -f job.submitted ] && [ -n \"$(find job.submitted -mmin +2 2>/dev/null)\" ] && echo stale=1\n"
                + "pid=$(cat job.pid 2>/dev/null)\n"
                + "if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' /proc/\"$pid\"/status 2>/dev/null;"
                + " then echo alive=1; fi\n"
                + "id=$(cat job.id 2>/dev/null)\n"
                + (site.setup().isEmpty() ? "" : "if [ -n \"$id\" ]; then " + setup() + " true; fi\n")
                + "if [ -n \"$id\" ]; then\n"
                + "  q=$(squeue -h -j \"$id\" -o '%T|%r' 2>/dev/null | head -n1); echo \"squeue=$q\"\n"
                + "  if [ -z \"$q\" ]; then\n"
                + "    a=$(sacct -n -P -X -j \"$id\" -o State,ExitCode 2>/dev/null | head -n1); echo \"sacct=$a\"\n"
                + "    s=$(scontrol show job \"$id\" 2>/dev/null | tr ' ' '\\n' | sed -n 's/^JobState=//p;s/^Reason=//p' | paste -sd'|'); echo \"scontrol=$s\"\n"
                + "  fi\n"
                + "fi\n";
        String out = ssh.run(script, QUICK, "reading the state of " + id);
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return interpret(f, site.launcher());
    }

    static RunStatus interpret(Map<String, String> f, Site.Launcher launcher) {
        if (f.containsKey("missing")) {
            return new RunStatus(RunStatus.State.UNKNOWN, "no run directory on the cluster", 0, null);
        }
        String jobId = f.get("job.id");
        long step = parseLong(f.get("run.step"));
        String engineState = f.getOrDefault("run.state", "");
        String message = f.getOrDefault("run.message", "");
        boolean cancelled = f.containsKey("job.cancelled");
        switch (engineState) {
            case "finished" -> {
                return new RunStatus(RunStatus.State.FINISHED, message, step, jobId);
            }
            case "stopped" -> {
                return new RunStatus(RunStatus.State.STOPPED, cancelled ? "cancelled" : message, step, jobId);
            }
            case "failed" -> {
                return new RunStatus(RunStatus.State.FAILED, message, step, jobId);
            }
            default -> {
                // not over by the engine's record: ask the scheduler or the process
            }
        }
        if (launcher == Site.Launcher.SLURM && jobId != null) {
            String squeue = f.getOrDefault("squeue", "");
            if (!squeue.isEmpty()) {
                String[] parts = squeue.split("\\|", 2);
                String state = parts[0];
                String reason = parts.length > 1 ? parts[1] : "";
                if (state.equals("PENDING")) {
                    return new RunStatus(RunStatus.State.PENDING, reason.equals("None") ? "" : reason, step, jobId);
                }
                if (state.equals("RUNNING") || state.equals("COMPLETING") || state.equals("CONFIGURING")) {
                    return new RunStatus(RunStatus.State.RUNNING, engineState.isEmpty() ? "starting" : engineState, step, jobId);
                }
                return ended(state, reason, f, step, jobId, cancelled);
            }
            String sacct = f.getOrDefault("sacct", "");
            if (!sacct.isEmpty()) {
                String state = sacct.split("\\|")[0].split(" ")[0];
                return ended(state, "", f, step, jobId, cancelled);
            }
            String scontrol = f.getOrDefault("scontrol", "");
            if (!scontrol.isEmpty()) {
                String[] parts = scontrol.split("\\|");
                return ended(parts[0], parts.length > 1 ? parts[1] : "", f, step, jobId, cancelled);
            }
            return byExitRecord(f, step, jobId, cancelled, "Slurm no longer knows job " + jobId);
        }
        if (f.containsKey("alive")) {
            return new RunStatus(RunStatus.State.RUNNING, engineState.isEmpty() ? "starting" : engineState, step, jobId);
        }
        if (!f.containsKey("job.pid") && !f.containsKey("job.exit")) {
            return f.containsKey("stale")
                    ? new RunStatus(RunStatus.State.FAILED, "the job never started (see its log)", step, jobId)
                    : new RunStatus(RunStatus.State.SUBMITTED, "not started yet", step, jobId);
        }
        return byExitRecord(f, step, jobId, cancelled, "its processes are gone");
    }

    private static RunStatus ended(String slurmState, String reason, Map<String, String> f, long step, String jobId,
            boolean cancelled) {
        String state = slurmState.toUpperCase(Locale.ROOT);
        if (state.startsWith("CANCELLED")) {
            return cancelled ? new RunStatus(RunStatus.State.STOPPED, "cancelled", step, jobId)
                    : new RunStatus(RunStatus.State.FAILED, "CANCELLED by Slurm or an administrator", step, jobId);
        }
        if (state.equals("TIMEOUT") || state.equals("OUT_OF_MEMORY") || state.equals("NODE_FAIL") || state.equals("FAILED")
                || state.equals("PREEMPTED") || state.equals("BOOT_FAIL") || state.equals("DEADLINE")) {
            return new RunStatus(RunStatus.State.FAILED, state + (reason.isBlank() || reason.equals("None") ? "" : ", " + reason)
                    + exitNote(f), step, jobId);
        }
        if (state.equals("PENDING")) {
            return new RunStatus(RunStatus.State.PENDING, reason, step, jobId);
        }
        if (state.equals("RUNNING") || state.equals("COMPLETING")) {
            return new RunStatus(RunStatus.State.RUNNING, "", step, jobId);
        }
        // COMPLETED without the engine's record of finishing is no success
        return byExitRecord(f, step, jobId, cancelled, "Slurm says " + state);
    }

    private static RunStatus byExitRecord(Map<String, String> f, long step, String jobId, boolean cancelled, String why) {
        if (cancelled) {
            return new RunStatus(RunStatus.State.STOPPED, "cancelled", step, jobId);
        }
        String exit = f.get("job.exit");
        if (exit != null) {
            return new RunStatus(RunStatus.State.FAILED, "the engine left no record of its end and exited with code " + exit,
                    step, jobId);
        }
        if (f.containsKey("job.start")) {
            return new RunStatus(RunStatus.State.FAILED, why + " without a record of the end (killed?)", step, jobId);
        }
        return new RunStatus(RunStatus.State.UNKNOWN, why + ", and the job never started", step, jobId);
    }

    private static String exitNote(Map<String, String> f) {
        String exit = f.get("job.exit");
        return exit == null ? "" : ", exit code " + exit;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Copies the run's log from byte {@code offset} on; returns the new offset. Resuming from the
     * offset after a reconnect shows every byte once.
     */
    public long copyLog(RunId id, long offset, OutputStream to) throws SshException {
        String log = runDirectory(id) + "/" + JobScript.LOG;
        return ssh.sftp(sftp -> {
            SftpATTRS attrs;
            try {
                attrs = sftp.stat(log);
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return offset;
                }
                throw e;
            }
            long size = attrs.getSize();
            if (size <= offset) {
                return offset;
            }
            long copied = 0;
            try (InputStream in = sftp.get(log, null, offset)) {
                byte[] buffer = new byte[32768];
                int n;
                long want = size - offset;
                while (copied < want && (n = in.read(buffer, 0, (int) Math.min(buffer.length, want - copied))) > 0) {
                    to.write(buffer, 0, n);
                    copied += n;
                }
            }
            to.flush();
            return offset + copied;
        }, Duration.ofMinutes(5));
    }

    /** A live client of the run, through a tunnel to the host:port of its endpoint file. */
    public LiveClient live(RunId id, String clientName) throws IOException {
        String endpointFile = runDirectory(id) + "/stagger-run.endpoint";
        SshConnection.ExecResult r = ssh.exec("cat " + quote(endpointFile), null, QUICK);
        if (!r.ok()) {
            RunStatus status = status(id);
            throw new SshException("run " + id + " has no live server to reach (" + status.describe() + ")");
        }
        Properties p = new Properties();
        p.load(new StringReader(r.stdout()));
        String host = p.getProperty("host", "").strip();
        String port = p.getProperty("port", "").strip();
        String token = p.getProperty("token", "").strip();
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || token.isEmpty()) {
            throw new SshException(endpointFile + " on " + ssh.target().alias() + " is incomplete or malformed");
        }
        try {
            return SocketLiveClient.over(ssh.tunnel(host, Integer.parseInt(port)), token, clientName);
        } catch (IOException e) {
            RunStatus status = status(id);
            if (status.state().isOver()) {
                throw new SshException("run " + id + " has ended: " + status.describe());
            }
            throw e;
        }
    }

    /**
     * Cancels a run: a graceful stop through its live server first (final output written), then,
     * if it has not ended within the grace time, {@code scancel} or a kill of its process group.
     */
    public String cancel(RunId id, Consumer<String> progress) throws SshException {
        String dir = runDirectory(id);
        ssh.run("touch " + quote(dir + "/job.cancelled"), QUICK, "marking the run cancelled");
        RunStatus before = status(id);
        if (before.state().isOver()) {
            return "run " + id + " had already ended: " + before.describe();
        }
        try (LiveClient client = live(id, "stagger-cancel")) {
            progress.accept("asking the run to stop: " + client.control(Command.STOP, CANCEL_GRACE.toMillis()));
        } catch (IOException e) {
            progress.accept("the run's live server did not answer (" + e.getMessage() + ")");
        }
        long until = System.nanoTime() + CANCEL_GRACE.toNanos();
        while (System.nanoTime() < until) {
            RunStatus s = status(id);
            if (s.state().isOver()) {
                return "run " + id + " " + s.describe();
            }
            if (s.state() == RunStatus.State.PENDING || s.state() == RunStatus.State.SUBMITTED) {
                break; // nothing runs yet: the scheduler takes it off
            }
            sleep(1_000);
        }
        if (site.launcher() == Site.Launcher.SLURM && before.jobId() != null) {
            progress.accept("cancelling Slurm job " + before.jobId());
            ssh.run(setup() + "scancel " + quote(before.jobId()), QUICK, "scancel");
        } else {
            progress.accept("ending the job's processes");
            ssh.run("cd " + quote(dir) + " && g=$(cat job.pgid 2>/dev/null) && [ -n \"$g\" ] && { kill -TERM -- -\"$g\" 2>/dev/null;"
                    + " for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- -\"$g\" 2>/dev/null || exit 0; sleep 1; done;"
                    + " kill -KILL -- -\"$g\" 2>/dev/null; }; true", QUICK, "ending the job's processes");
        }
        for (int i = 0; i < 60; i++) {
            RunStatus s = status(id);
            if (s.state().isOver()) {
                return "run " + id + " " + s.describe();
            }
            sleep(1_000);
        }
        return "run " + id + " was cancelled; the scheduler has not confirmed its end yet";
    }

    /** One file of a run's results. */
    public record RemoteFile(String relativePath, long size, String sha256) {}

    /**
     * Copies the run directory's results into {@code local} over SFTP: resumable (a partial file is
     * continued), each file checked by size and SHA-256 before it is moved into place. Writes only
     * inside {@code local}; remote names with {@code ..} or {@code /} are refused. The endpoint file
     * (it holds the run's token) is not copied.
     */
    public List<RemoteFile> fetch(RunId id, Path local, Consumer<String> progress) throws IOException {
        String dir = runDirectory(id);
        // one listing with sizes and checksums, NUL-separated so that any file name survives
        String listing = ssh.run("cd " + quote(dir) + " && find . -type f ! -name stagger-run.endpoint ! -name '.*.tmp' -print0"
                + " | xargs -0 -r sha256sum -z | tr '\\0' '\\n'", Duration.ofMinutes(10), "listing the results of " + id);
        List<RemoteFile> files = parseListing(listing);
        Map<String, Long> sizes = ssh.sftp(sftp -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (RemoteFile f : files) {
                m.put(f.relativePath(), sftp.stat(dir + "/" + f.relativePath()).getSize());
            }
            return m;
        }, Duration.ofMinutes(5));
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        Files.createDirectories(local);
        Path root = local.toAbsolutePath().normalize();
        List<RemoteFile> result = new ArrayList<>();
        long done = 0;
        for (RemoteFile f : files) {
            long size = sizes.get(f.relativePath());
            RemoteFile withSize = new RemoteFile(f.relativePath(), size, f.sha256());
            Path target = safeTarget(root, f.relativePath());
            if (Files.isRegularFile(target) && Files.size(target) == size && sha256(target).equals(f.sha256())) {
                done += size;
                result.add(withSize);
                continue;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling("." + target.getFileName() + ".part");
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (have > size) {
                Files.delete(part);
                have = 0;
            }
            long start = have;
            long base = done;
            ssh.sftp(sftp -> {
                try (InputStream in = sftp.get(dir + "/" + f.relativePath(), null, start);
                        OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    byte[] buffer = new byte[65536];
                    long copied = start;
                    long lastReport = System.nanoTime();
                    int n;
                    while (copied < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0) {
                        out.write(buffer, 0, n);
                        copied += n;
                        if (System.nanoTime() - lastReport > 500_000_000L) {
                            progress.accept(progressLine(base + copied, total, f.relativePath()));
                            lastReport = System.nanoTime();
                        }
                    }
                }
                return null;
            }, Duration.ofSeconds(120 + size / 100_000));
            if (Files.size(part) != size) {
                throw new SshException(f.relativePath() + ": got " + Files.size(part) + " of " + size
                        + " bytes (the file may have changed on the cluster); fetch again to resume");
            }
            String sum = sha256(part);
            if (!sum.equals(f.sha256())) {
                Files.delete(part);
                throw new SshException(f.relativePath() + ": checksum mismatch after download (the file changed on"
                        + " the cluster while it was copied?); fetch again");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done += size;
            result.add(withSize);
            progress.accept(progressLine(done, total, f.relativePath()));
        }
        return result;
    }

    private static String progressLine(long done, long total, String file) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        return String.format(Locale.ROOT, "%3d%%  %.1f of %.1f MB  %s", percent, done / 1e6, total / 1e6, file);
    }

    /** {@code sha256sum -z} lines: {@code HASH  ./path}. */
    static List<RemoteFile> parseListing(String listing) throws SshException {
        List<RemoteFile> files = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf("  ");
            if (space != 64) {
                throw new SshException("unexpected line in the cluster's file listing: " + line);
            }
            String path = line.substring(66);
            if (path.startsWith("./")) {
                path = path.substring(2);
            }
            files.add(new RemoteFile(path, -1, line.substring(0, 64)));
        }
        return files;
    }

    /** The local file for a remote relative path; refuses anything that would leave {@code root}. */
    static Path safeTarget(Path root, String relative) throws SshException {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.indexOf('\0') >= 0) {
            throw new SshException("refusing the remote file name '" + relative + "'");
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new SshException("refusing the remote file name '" + relative + "' (it would leave the folder)");
            }
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new SshException("refusing the remote file name '" + relative + "' (it would leave the folder)");
        }
        return target;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run directories under the work root: every run of this cluster, whatever the local cache says. */
    public List<String> listRuns() throws SshException {
        String out = ssh.run("cd " + quote(workRoot() + "/runs") + " 2>/dev/null && for d in */; do [ -f \"$d/job.sh\" ]"
                + " && printf '%s\\n' \"${d%/}\"; done; true", QUICK, "listing the runs");
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                names.add(line);
            }
        }
        return names;
    }

    /** The profile's setup lines, for commands that need the site's environment (module load slurm ...). */
    private String setup() {
        return site.setup().isEmpty() ? "" : String.join("; ", site.setup()) + "; ";
    }

    private static void sleep(long millis) throws SshException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted");
        }
    }
}

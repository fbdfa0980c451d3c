package dev.stagger.gui.run.local;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.gui.common.ProgramSearch;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunSetting;
import dev.stagger.gui.run.RunTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

/**
 * "This computer, N MPI ranks": starts {@code ./stagger run PROJECT --ranks N} as a process (so the
 * run outlives the window if the user wants) and follows it like any other run, through the run
 * directory's endpoint file and a socket client ({@link EndpointFollower}). The run's console output
 * goes to {@code stagger-run.log} in its output folder.
 */
public final class LocalMpiRunTarget implements RunTarget {
    private final Path launcher;
    private final Path mpirun;
    private final int defaultRanks;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;

    /**
     * @param mpirun the {@code mpirun} found on {@code PATH} (named in the menu, so the user sees which)
     * @param defaultRanks what the rank count starts at
     */
    public LocalMpiRunTarget(Path launcher, Path mpirun, int defaultRanks, Executor background, Executor ui, Clock clock) {
        this(launcher, mpirun, defaultRanks, null, background, ui, clock);
    }

    /**
     * @param prefs the workbench's preferences, read at each run (Edit > Preferences): the
     *        {@code mpirun} chosen ({@link WorkbenchPrefs#MPIRUN}, else {@code mpirun}), the ranks
     *        to start with ({@link WorkbenchPrefs#MPI_RANKS}, else {@code defaultRanks}) and the
     *        threads per rank ({@link WorkbenchPrefs#MPI_THREADS}); null: those fixed values
     */
    public LocalMpiRunTarget(Path launcher, Path mpirun, int defaultRanks, Preferences prefs, Executor background,
            Executor ui, Clock clock) {
        this.launcher = launcher;
        this.mpirun = mpirun;
        this.defaultRanks = defaultRanks;
        this.prefs = prefs;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    private final Preferences prefs;

    /** The mpirun the runs use: the one chosen in the preferences when it is there, else the one found. */
    Path mpirun() {
        String chosen = prefs == null ? "" : prefs.get(WorkbenchPrefs.MPIRUN, "").trim();
        return !chosen.isEmpty() && Files.isExecutable(Path.of(chosen)) ? Path.of(chosen) : mpirun;
    }

    private int defaultRanks() {
        return prefs == null ? defaultRanks : prefs.getInt(WorkbenchPrefs.MPI_RANKS, defaultRanks);
    }

    /** Threads per rank; 0: the launcher's default (the cores divided among the ranks). */
    private int threadsPerRank() {
        return prefs == null ? 0 : Math.max(0, prefs.getInt(WorkbenchPrefs.MPI_THREADS, 0));
    }

    @Override
    public String displayName() {
        return "This computer, MPI ranks";
    }

    @Override
    public List<RunSetting> settings() {
        return List.of(RunSetting.integer("ranks", "MPI ranks", defaultRanks(), 1, 1024,
                "processes started by " + mpirun() + "; more ranks than cores share them"));
    }

    @Override
    public String preview(RunRequest request) {
        return String.join(" ", command(request, ranks(request)));
    }

    private int ranks(RunRequest request) {
        return Integer.parseInt(request.setting("ranks", Integer.toString(defaultRanks())));
    }

    private List<String> command(RunRequest request, int ranks) {
        List<String> c = new ArrayList<>(List.of(launcher.toString(), "run", String.valueOf(request.projectFile()),
                "--out", request.outputDir().toString(), "--ranks", Integer.toString(ranks)));
        if (threadsPerRank() > 0) {
            c.addAll(List.of("--threads", Integer.toString(threadsPerRank())));
        }
        c.add("-q");
        return c;
    }

    @Override
    public RunJob start(RunRequest request) throws IOException {
        int ranks = ranks(request);
        if (request.projectFile() == null) {
            throw new IOException("save the project first: the MPI ranks read it from its file");
        }
        if (!Files.isExecutable(launcher)) {
            throw new IOException("cannot find the stagger launcher at " + launcher);
        }
        Files.createDirectories(request.outputDir());
        RunProcesses.refuseIfRunGoingIn(request.outputDir());
        // an endpoint left by an earlier run in the same folder must not be mistaken for this one's
        Files.deleteIfExists(request.outputDir().resolve(RunEndpoint.FILE_NAME));
        Files.deleteIfExists(request.outputDir().resolve(RunStateFile.FILE_NAME));
        List<String> command = new ArrayList<>();
        Path setsid = ProgramSearch.onPath("setsid").orElse(null);
        if (setsid != null) {
            // a session of its own: Ctrl-C or a hang-up in the terminal the workbench came from does not reach the run
            command.addAll(List.of(setsid.toString(), "-w"));
        }
        command.addAll(command(request, ranks));
        // nothing ties the run to this JVM: no input from it, output to the log file, so it may outlive the workbench
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(request.outputDir().resolve(EndpointFollower.LOG_FILE).toFile());
        // `stagger run --ranks` starts the first mpirun on PATH: the chosen one's folder goes first
        Path chosen = mpirun();
        if (chosen.isAbsolute() && chosen.getParent() != null) {
            String path = builder.environment().getOrDefault("PATH", "");
            builder.environment().put("PATH", chosen.getParent() + (path.isEmpty() ? "" : File.pathSeparator + path));
        }
        Process process = builder.start();
        RunJob job = new RunJob(request.name(), "This computer, " + ranks + " MPI ranks", request.outputDir(),
                clock.instant(), ui, true);
        job.report(new RunJob.Snapshot(RunState.STARTING, 0, 0, 0, 0, "starting " + ranks + " ranks"));
        // until it serves, a stop ends the processes (the launcher ignores SIGTERM itself and waits for its JVM)
        job.stopWith(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        background.execute(EndpointFollower.ofProcess(process, request.outputDir(), job, background));
        return job;
    }
}

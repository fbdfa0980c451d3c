package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.stagger.remote.sshconfig.ConfigEntry.HostLine;
import dev.stagger.remote.sshconfig.ConfigEntry.IncludeLine;
import dev.stagger.remote.sshconfig.ConfigEntry.MatchLine;
import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/** Reads and parses one configuration file; every syntax or value error names the file and line. */
final class ConfigFileReader {

    private ConfigFileReader() {
    }

    /**
     * The parsed file, or null when there is none. With {@code checkOwner}, refuses a file that others could
     * have written, as OpenSSH does for the user's configuration and every included file: a {@code Match exec}
     * in it would run as this user.
     */
    static ConfigFile read(Path path, boolean userConfig, boolean checkOwner, SshEnvironment env)
            throws SshConfigException {
        byte[] bytes;
        try {
            if (checkOwner) {
                checkOwnerAndMode(path, env);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new SshConfigException("Cannot read " + path + ": permission denied; make it readable "
                    + "(chmod u+r " + path + ")", e);
        } catch (IOException e) {
            throw new SshConfigException("Cannot read " + path + ": " + e.getMessage() + "; check that it is a "
                    + "file you can read", e);
        }
        // OpenSSH works on bytes; bad UTF-8 can only be in values, where it becomes U+FFFD
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new ConfigFile(path, parse(path, text), userConfig);
    }

    static List<ConfigEntry> parse(Path path, String text) throws SshConfigException {
        List<ConfigEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ConfigEntry entry = parseLine(lines[i], new ConfigLocation(path, i + 1));
            if (entry != null) {
                entries.add(entry);
            }
        }
        return List.copyOf(entries);
    }

    private static ConfigEntry parseLine(String line, ConfigLocation at) throws SshConfigException {
        LineTokenizer.Tokens tokens;
        try {
            tokens = LineTokenizer.split(line);
        } catch (LineTokenizer.BadLine e) {
            throw new SshConfigException(at, e.getMessage());
        }
        if (tokens == null) {
            return null;
        }
        if (tokens.keyword().isEmpty()) {
            throw new SshConfigException(at, "the line does not start with a keyword; write \"Keyword value\"");
        }
        String keyword = Keywords.canonical(tokens.keyword());
        List<String> args = tokens.args();
        if (args.isEmpty() && !keyword.equals("proxycommand")) {
            throw new SshConfigException(at, "no value after \"" + tokens.keyword() + "\" (only a comment); "
                    + "give a value or delete the line");
        }
        switch (keyword) {
            case "host":
                requireNonEmpty(tokens, at);
                return new HostLine(args, at);
            case "match":
                return new MatchLine(MatchCriterion.parseLine(args, at), at);
            case "include":
                requireNonEmpty(tokens, at);
                return new IncludeLine(args, at);
            default:
                String rest = tokens.rest().replaceFirst("^[ \t=]+", "");
                Setting setting = new Setting(keyword, tokens.keyword(), args, rest, at);
                SettingValues.check(setting);
                return setting;
        }
    }

    private static void requireNonEmpty(LineTokenizer.Tokens tokens, ConfigLocation at) throws SshConfigException {
        if (tokens.args().contains("")) {
            throw new SshConfigException(at, tokens.keyword() + " has an empty argument (\"\"); remove it");
        }
    }

    private static void checkOwnerAndMode(Path path, SshEnvironment env) throws IOException, SshConfigException {
        if (!Files.exists(path)) {
            return; // reading reports it
        }
        int mode;
        int owner;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
            owner = (Integer) Files.getAttribute(path, "unix:uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return; // no Unix owner and mode on this file system
        }
        if ((mode & 0022) != 0) {
            throw new SshConfigException("Bad permissions on " + path + ": it is writable by group or others, "
                    + "so OpenSSH refuses it and so do we; run: chmod go-w " + path);
        }
        if (owner != 0 && env.uid() >= 0 && owner != env.uid()) {
            throw new SshConfigException("Bad owner on " + path + ": it belongs to user id " + owner
                    + ", neither you nor root, so OpenSSH refuses it and so do we; make it yours (chown)");
        }
    }
}

/**
 * Cluster profiles: {@code ~/.config/stagger/clusters/NAME.yaml}, how to reach a cluster over SSH
 * and start runs on it. The model ({@link dev.stagger.remote.profile.ClusterProfile}), reading with
 * every problem at its line and column ({@link dev.stagger.remote.profile.ProfileReader}), writing
 * ({@link dev.stagger.remote.profile.ProfileWriter}), in-place changes that keep the user's
 * comments ({@link dev.stagger.remote.profile.ProfileEdits}) and the folder of profiles
 * ({@link dev.stagger.remote.profile.ProfileStore}). Profiles never hold secrets.
 */
package dev.stagger.remote.profile;

package dev.stagger.engine.project;

/** A project read without problems, with where each of its keys is written. */
public record LoadedProject(Project project, SourceMap sourceMap) {}

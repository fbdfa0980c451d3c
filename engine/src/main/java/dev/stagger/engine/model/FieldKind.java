package dev.stagger.engine.model;

/** Shape of a model field: one scalar, a vector (one component per dimension) or a tensor. */
public enum FieldKind {
    SCALAR,
    VECTOR,
    TENSOR
}

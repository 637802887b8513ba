package dev.larder.index;

/** Published after an index is created, changed or deleted: anything inherited may look different now. */
public record IndexesChanged(IndexName index) {}

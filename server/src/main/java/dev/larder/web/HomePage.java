package dev.larder.web;

import java.util.List;

/** {@code /}: the indexes the visitor may read. */
public record HomePage(Viewer viewer, List<IndexCard> indexes) {}

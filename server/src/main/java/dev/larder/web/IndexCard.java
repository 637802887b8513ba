package dev.larder.web;

import java.util.List;

/** An index as lists of indexes show it. {@code mirrorUrl} is null for a stage. */
public record IndexCard(String name, String url, String type, String title, String description, List<String> bases,
                        String mirrorUrl, boolean isPublic) {}

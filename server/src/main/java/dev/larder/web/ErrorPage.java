package dev.larder.web;

/** A page that could not be shown: the status, what went wrong and, when logging in would help, where to. */
public record ErrorPage(Viewer viewer, int status, String title, String message, String loginUrl) {}

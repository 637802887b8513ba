package dev.larder.web;

/** {@code /+login}: the form, and why the last attempt failed ({@code error}, or null). */
public record LoginPage(Viewer viewer, String user, String next, String csrfToken, String error) {}

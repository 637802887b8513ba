package dev.larder.search;

import java.util.List;

/** One page of an index's projects in name order, and how many there are in all. */
public record ListingPage(List<ProjectListing> projects, long total) {}

package dev.larder.web;

import dev.larder.auth.IndexAccess;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.RecentRelease;
import dev.larder.index.Index;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.HttpDates;
import dev.larder.platform.PublicUrls;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0 feeds of new releases ("subscribe to new releases"): an index's, and one project's, from the stages of the
 * index's resolution order (upstream releases are PyPI's to announce). Written with StAX, which escapes every text.
 */
@Singleton
final class Feeds {

    static final int ITEMS = 50;
    /** Characters XML 1.0 cannot carry even escaped; a summary is free text, so they are replaced. */
    private static final Pattern XML_FORBIDDEN = Pattern.compile(
            "[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final IndexAccess access;
    private final Indexes indexes;
    private final Catalog catalog;

    Feeds(IndexAccess access, Indexes indexes, Catalog catalog) {
        this.access = access;
        this.indexes = indexes;
        this.catalog = catalog;
    }

    /** The feed of an index, or of one of its projects when {@code project} is not null. */
    String feed(HttpRequest<?> request, String user, String name, ProjectName project) {
        Index index = access.readable(request, user, name);
        List<Index> stages = indexes.resolutionOrder(index).stream().filter(i -> i.type() == IndexType.STAGE).toList();
        List<RecentRelease> releases = catalog.recentReleases(stages, project, ITEMS);
        String base = PublicUrls.base(request);
        String title = project == null ? "New releases in " + index.name()
                : "New releases of " + (releases.isEmpty() ? project.value() : releases.get(0).displayName())
                        + " in " + index.name();
        String link = base + (project == null ? PageFormat.indexUrl(index.name())
                : PageFormat.projectUrl(index.name(), project));
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", title);
            element(xml, "link", link);
            element(xml, "description", title + ", newest first (Larder).");
            for (RecentRelease release : releases) {
                String url = base + PageFormat.versionUrl(index.name(), release.project(), release.version());
                xml.writeStartElement("item");
                element(xml, "title", release.displayName() + " " + release.version()
                        + (release.yanked() ? " (yanked)" : ""));
                element(xml, "link", url);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(url);
                xml.writeEndElement();
                if (release.summary() != null) {
                    // Readers show an item's description as HTML: a summary is text, so it is escaped for HTML
                    // (and then, by the writer, for XML).
                    element(xml, "description", escapeHtml(release.summary()));
                }
                element(xml, "pubDate", HttpDates.format(release.createdAt()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the feed of " + index.name(), e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XML_FORBIDDEN.matcher(text).replaceAll("\uFFFD"));
        xml.writeEndElement();
    }
}

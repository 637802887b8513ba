package dev.larder.upload;

import dev.larder.packaging.CoreMetadata;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.InvalidDistributionNameException;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.SdistFilename;
import dev.larder.packaging.Version;
import dev.larder.packaging.WheelFilename;
import dev.larder.platform.ProblemException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens an uploaded archive, checks that it is what its name says, and takes its core metadata
 * (protocol.md §4.5): a wheel's {@code *.dist-info/METADATA} (exactly one {@code .dist-info} directory, with
 * {@code WHEEL} and {@code RECORD} beside it), an sdist's {@code PKG-INFO} in its single top-level directory.
 * The metadata's name and version must be the filename's.
 */
final class DistributionInspector {

    /** Far above any real METADATA; bounds what a hostile archive can make us inflate. */
    static final int MAX_METADATA_BYTES = 16 * 1024 * 1024;

    private DistributionInspector() {}

    static InspectedDistribution inspect(DistributionFilename filename, SeekableByteChannel channel) {
        try {
            InspectedDistribution inspected;
            if (filename instanceof WheelFilename wheel) {
                inspected = wheel(wheel, channel);
            } else if (((SdistFilename) filename).suffix().equals(".zip")) {
                inspected = zipSdist((SdistFilename) filename, channel);
            } else {
                inspected = tarSdist((SdistFilename) filename, channel);
            }
            checkNameAndVersion(filename, inspected.metadata());
            return inspected;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid(filename, "it is not a readable " + kind(filename) + " (" + e.getMessage() + ")");
        }
    }

    private static InspectedDistribution wheel(WheelFilename wheel, SeekableByteChannel channel) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            Set<String> distInfos = new TreeSet<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String top = topLevel(entry.getName());
                if (top != null && top.endsWith(".dist-info")) {
                    distInfos.add(top);
                }
            }
            if (distInfos.size() != 1) {
                throw invalid(wheel, distInfos.isEmpty() ? "it has no .dist-info directory"
                        : "it has more than one .dist-info directory: " + distInfos);
            }
            String distInfo = distInfos.iterator().next();
            for (String required : new String[] {"WHEEL", "RECORD"}) {
                if (zip.getEntry(distInfo + "/" + required) == null) {
                    throw invalid(wheel, "it lacks " + distInfo + "/" + required);
                }
            }
            ZipArchiveEntry metadata = zip.getEntry(distInfo + "/METADATA");
            if (metadata == null) {
                throw invalid(wheel, "it lacks " + distInfo + "/METADATA");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(metadata)) {
                bytes = readBounded(in, wheel, distInfo + "/METADATA");
            }
            return new InspectedDistribution(parse(wheel, bytes), bytes);
        }
    }

    private static InspectedDistribution zipSdist(SdistFilename sdist, SeekableByteChannel channel) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            Set<String> tops = new TreeSet<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                tops.add(topLevelOrSelf(entry.getName()));
            }
            String top = singleTopLevel(sdist, tops);
            ZipArchiveEntry pkgInfo = zip.getEntry(top + "/PKG-INFO");
            if (pkgInfo == null) {
                throw invalid(sdist, "it lacks " + top + "/PKG-INFO");
            }
            try (InputStream in = zip.getInputStream(pkgInfo)) {
                return new InspectedDistribution(parse(sdist, readBounded(in, sdist, top + "/PKG-INFO")), null);
            }
        }
    }

    private static InspectedDistribution tarSdist(SdistFilename sdist, SeekableByteChannel channel) throws IOException {
        InputStream raw = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            Set<String> tops = new TreeSet<>();
            byte[] pkgInfo = null;
            String pkgInfoTop = null;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (name.isEmpty() || entry.isGlobalPaxHeader()) {
                    continue;
                }
                String top = topLevelOrSelf(name);
                tops.add(top);
                if (name.equals(top + "/PKG-INFO") && entry.isFile()) {
                    pkgInfo = readBounded(tar, sdist, name);
                    pkgInfoTop = top;
                }
            }
            // Reading to the very end makes the gzip stream check its CRC and length.
            tar.transferTo(OutputStream.nullOutputStream());
            String top = singleTopLevel(sdist, tops);
            if (pkgInfo == null || !top.equals(pkgInfoTop)) {
                throw invalid(sdist, "it lacks " + top + "/PKG-INFO");
            }
            return new InspectedDistribution(parse(sdist, pkgInfo), null);
        }
    }

    private static void checkNameAndVersion(DistributionFilename filename, CoreMetadata metadata) {
        String name = metadata.name().orElseThrow(() -> invalid(filename, "its metadata has no Name"));
        String version = metadata.version().orElseThrow(() -> invalid(filename, "its metadata has no Version"));
        if (!ProjectName.isValid(name) || !new ProjectName(name).equals(filename.project())) {
            throw invalid(filename, "its metadata names project '" + name + "', but the filename names '"
                    + filename.project() + "'");
        }
        if (!Version.isValid(version) || !Version.parse(version).equals(filename.version())) {
            throw invalid(filename, "its metadata has version '" + version + "', but the filename has '"
                    + filename.version() + "'");
        }
    }

    private static CoreMetadata parse(DistributionFilename filename, byte[] bytes) {
        try {
            return CoreMetadata.parse(bytes);
        } catch (InvalidDistributionNameException e) {
            throw invalid(filename, e.getMessage());
        }
    }

    private static String singleTopLevel(DistributionFilename sdist, Set<String> tops) {
        if (tops.size() != 1) {
            throw invalid(sdist, "an sdist must hold exactly one top-level directory, this one holds "
                    + (tops.isEmpty() ? "nothing" : tops.size() + ": " + String.join(", ", tops)));
        }
        return tops.iterator().next();
    }

    private static String topLevel(String entryName) {
        int slash = entryName.indexOf('/');
        return slash <= 0 ? null : entryName.substring(0, slash);
    }

    private static String topLevelOrSelf(String entryName) {
        String top = topLevel(entryName);
        return top == null ? entryName : top;
    }

    private static byte[] readBounded(InputStream in, DistributionFilename filename, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > MAX_METADATA_BYTES) {
                throw invalid(filename, entry + " is larger than " + (MAX_METADATA_BYTES >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String kind(DistributionFilename filename) {
        return filename instanceof WheelFilename ? "wheel (zip archive)"
                : ((SdistFilename) filename).suffix().equals(".zip") ? "zip archive" : "gzip-compressed tar archive";
    }

    static ProblemException invalid(DistributionFilename filename, String why) {
        return ProblemException.invalid("Invalid distribution file '" + filename.filename() + "': " + why + ".");
    }
}

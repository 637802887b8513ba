package dev.larder.platform;

import java.nio.file.Path;

/** Another server already runs on this data folder. */
public final class DataFolderInUseException extends RuntimeException {

    public DataFolderInUseException(Path folder, String holderPid) {
        super("Data folder " + folder + " is in use by another Larder server"
                + (holderPid.isEmpty() ? "" : " (process " + holderPid + ")")
                + ". Stop that server first, or give this one its own folder with LARDER_DATA_DIR.");
    }
}

package dev.larder;

import dev.larder.platform.DataFolderInUseException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.LoggerFactory;

/** Starts the Larder server: {@code java -jar larder-server.jar}. */
public final class Application extends Micronaut {

    private Application() {}

    public static void main(String[] args) {
        new Application().args(args).mainClass(Application.class).banner(false).start();
    }

    /** A start-up failure we can explain gets one clear line instead of a bean-creation stack trace. */
    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataFolderInUseException inUse) {
                LoggerFactory.getLogger(Application.class).error(inUse.getMessage());
                System.exit(1);
            }
        }
        super.handleStartupException(environment, exception);
    }
}

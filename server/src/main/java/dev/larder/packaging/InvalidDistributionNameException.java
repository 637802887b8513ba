package dev.larder.packaging;

/**
 * A project name, version or distribution filename that does not follow the packaging specifications.
 * The message is written for the person who sent it: it names the value and what is wrong with it.
 */
public final class InvalidDistributionNameException extends IllegalArgumentException {
    public InvalidDistributionNameException(String message) {
        super(message);
    }
}

package dev.larder.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the JSON object of an admin API request, bounded in size, so a huge or malformed body gets a clear 400
 * instead of filling memory or a framework error.
 */
@Singleton
public final class JsonBody {

    static final int MAX_BYTES = 1024 * 1024;
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as a JSON object; an absent or empty body is an empty object. */
    public Map<String, Object> object(InputStream body) {
        byte[] bytes;
        try (body) {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ProblemException.invalid("Could not read the request body: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(Problem.TOO_LARGE, "The request body is over " + MAX_BYTES + " bytes.");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> object = json.readValue(bytes, OBJECT);
            if (object == null) {
                throw ProblemException.invalid("The request body must be a JSON object, not null.");
            }
            return object;
        } catch (IOException e) {
            throw ProblemException.invalid("The request body is not a JSON object: " + e.getMessage());
        }
    }

    /** A string field, or null when absent; anything else is a 400 naming the field. */
    public static String string(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ProblemException.invalid("Field '" + field + "' must be a string.");
    }
}

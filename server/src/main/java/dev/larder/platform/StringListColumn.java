package dev.larder.platform;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Stores a short list of names (ACLs, whitelists) in one column as a JSON array. */
@Singleton
public final class StringListColumn implements AttributeConverter<List<String>, String> {

    private static final Argument<List<String>> STRING_LIST = Argument.listOf(String.class);

    private final ObjectMapper json;

    StringListColumn(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String convertToPersistedValue(List<String> list, ConversionContext context) {
        try {
            return list == null ? null : json.writeValueAsString(STRING_LIST, list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> convertToEntityValue(String column, ConversionContext context) {
        try {
            return column == null ? null : json.readValue(column, STRING_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("Column holds no JSON list of strings: " + column, e);
        }
    }
}

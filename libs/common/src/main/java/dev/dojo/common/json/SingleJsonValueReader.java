package dev.dojo.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON body only if it is exactly one JSON value. Micronaut's JSON reader decodes the first value and
 * ignores whatever follows it, so {@code {"email":…,"password":…} x} or two objects in a row logged in (and would
 * have registered) with the first; here anything but whitespace after the value is refused like any other
 * malformed body: 400 "Invalid payload." and nothing done. Decoding is still Micronaut's (the same {@link JsonMapper},
 * with the strict scalars of this package); this reader runs first ({@link Order} before
 * {@link JsonMessageHandler#ORDER}) and checks the bytes with jackson-core's tokenizer before handing them on.
 *
 * @param <T> the type read
 */
@Singleton
@Order(JsonMessageHandler.ORDER - 1)
@JsonMessageHandler.ConsumesJson
public final class SingleJsonValueReader<T> implements MessageBodyReader<T> {

    /** jackson-core's default limits: a body nested deeper than 1,000 levels is refused here as malformed */
    private static final JsonFactory TOKENIZER = new JsonFactory();

    private final JsonMapper mapper;

    public SingleJsonValueReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) {
        T decoded = read(type, byteBuffer.toByteArray());
        // as Micronaut's reader: released once read; a refused body is released with its request
        if (byteBuffer instanceof ReferenceCounted counted) {
            counted.release();
        }
        return decoded;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) {
        try {
            return read(type, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("Error reading the JSON body", e);
        }
    }

    private T read(Argument<T> type, byte[] body) {
        if (!holdsOneValue(body)) {
            throw new CodecException("The JSON body is not exactly one JSON value");
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new CodecException("Error decoding the JSON body for type [" + type.getName() + "]", e);
        }
    }

    /** True for one well-formed JSON value with nothing but whitespace around it, or for no value at all. */
    static boolean holdsOneValue(byte[] body) {
        try (JsonParser parser = TOKENIZER.createParser(body)) {
            if (parser.nextToken() == null) {
                // an empty body: the decoder decides what is missing, as before
                return true;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }
}

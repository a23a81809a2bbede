package no.varde.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8: overlong forms ({@code C0 AF} for "/"), encoded surrogates and truncated sequences are errors, as
 * RFC 3629 requires. A lenient decoder lets one byte sequence mean two things, which is how filters get bypassed.
 */
public final class Utf8 {

    private Utf8() {}

    /** Why these bytes are not UTF-8, naming the byte offset; null when they are. */
    public static @Nullable String problem(byte[] bytes) {
        CharsetDecoder decoder = strict();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            return "is not valid UTF-8 (invalid, overlong or truncated sequence at byte " + in.position() + ")";
        }
        return null;
    }

    /** The text of these bytes, or null when they are not strict UTF-8. */
    public static @Nullable String decode(ByteBuffer bytes) {
        try {
            return strict().decode(bytes).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}

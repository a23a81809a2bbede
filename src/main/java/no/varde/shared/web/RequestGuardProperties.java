package no.varde.shared.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry before any controller reads it.
 *
 * @param maxBody the largest request body on any path not listed in {@code maxBodyByPath}
 * @param maxBodyByPath larger or smaller caps for given paths (an exact path, or a prefix ending in {@code /**})
 */
@ConfigurationProperties("varde.web")
public record RequestGuardProperties(DataSize maxBody, Map<String, DataSize> maxBodyByPath) {

    public RequestGuardProperties {
        if (maxBody == null) {
            maxBody = DataSize.ofMegabytes(1);
        }
        maxBodyByPath = maxBodyByPath == null ? Map.of() : Map.copyOf(maxBodyByPath);
    }

    /** The cap for a request path: the longest matching entry, else the default. */
    public DataSize maxBodyFor(String path) {
        DataSize best = maxBody;
        int bestLength = -1;
        for (var entry : maxBodyByPath.entrySet()) {
            String pattern = entry.getKey();
            boolean prefix = pattern.endsWith("/**");
            String stem = prefix ? pattern.substring(0, pattern.length() - 3) : pattern;
            boolean matches = prefix ? path.equals(stem) || path.startsWith(stem + "/") : path.equals(pattern);
            if (matches && stem.length() > bestLength) {
                best = entry.getValue();
                bestLength = stem.length();
            }
        }
        return best;
    }
}

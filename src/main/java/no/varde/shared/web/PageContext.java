package no.varde.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.ThemePreferences;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page header needs on every page, also where no controller advice ran (error pages rendered by an
 * exception handler keep the navigation): the signed-in user, their theme, and the language link that keeps the
 * page's query. Templates reach it as {@code @pageContext}.
 */
@Component("pageContext")
public class PageContext {

    private final ObjectProvider<ThemePreferences> themes;

    PageContext(ObjectProvider<ThemePreferences> themes) {
        this.themes = themes;
    }

    public @Nullable VardeUser me() {
        return CurrentUser.find().orElse(null);
    }

    /** {@code light}, {@code dark}, or null to follow the operating system. */
    public @Nullable String theme() {
        VardeUser me = me();
        ThemePreferences preferences = themes.getIfAvailable();
        if (me == null || preferences == null) {
            return null;
        }
        String theme = preferences.theme(me);
        return theme == null ? null : theme.toLowerCase(java.util.Locale.ROOT);
    }

    /** The current page in the other language, with its query kept (an error page: the page that failed). */
    public String languageSwitch() {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "nb" : "en";
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + other;
        }
        HttpServletRequest request = attributes.getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path =
                failed instanceof String uri ? uri : forwarded instanceof String uri ? uri : request.getRequestURI();
        String query = failed != null
                ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING)
                : request.getQueryString();
        try {
            return UriComponentsBuilder.fromPath(path)
                    .query(query)
                    .replaceQueryParam("lang", other)
                    .build(true)
                    .toUriString();
        } catch (IllegalArgumentException badlyEncoded) {
            return path + "?lang=" + other;
        }
    }
}

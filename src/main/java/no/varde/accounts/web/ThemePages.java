package no.varde.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import no.varde.accounts.AccountThemes;
import no.varde.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The light/dark switch in the page header: remembered for the account, then back to the page it was on. */
@Controller
@PreAuthorize("isAuthenticated()")
class ThemePages {

    private final AccountThemes themes;

    ThemePages(AccountThemes themes) {
        this.themes = themes;
    }

    @PostMapping("/account/theme")
    String choose(@RequestParam(required = false) @Nullable String theme, HttpServletRequest request) {
        themes.choose(CurrentUser.get(), theme);
        return "redirect:" + backTo(request.getHeader(HttpHeaders.REFERER));
    }

    /** The same-site page the switch was pressed on (path and query only, so never another site); else home. */
    static String backTo(@Nullable String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}

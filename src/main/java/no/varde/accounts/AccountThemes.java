package no.varde.accounts;

import java.util.Locale;
import java.util.Optional;
import no.varde.shared.security.ThemePreferences;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The light/dark choice of each account (issue 11), kept in {@code user_account.theme}: a bright console at night
 * on a PC in light mode was the complaint, so the choice follows the person, not the machine.
 */
@Component
public class AccountThemes implements ThemePreferences {

    public enum Theme {
        LIGHT,
        DARK,
        /** Follow the operating system (stored as no choice). */
        AUTO
    }

    private final JdbcClient jdbc;

    AccountThemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable String theme(VardeUser user) {
        return jdbc.sql("select theme from user_account where id = ?")
                .param(user.id())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public void choose(VardeUser user, @Nullable String value) {
        Theme theme =
                parse(value).orElseThrow(() -> InvalidInputException.of("theme", "must be one of LIGHT, DARK, AUTO"));
        jdbc.sql("update user_account set theme = ?, updated_at = now() where id = ?")
                .params(theme == Theme.AUTO ? null : theme.name(), user.id())
                .update();
    }

    private static Optional<Theme> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Theme.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

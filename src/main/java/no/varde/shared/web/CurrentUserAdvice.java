package no.varde.shared.web;

import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user available to every page template as {@code me}. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    @Nullable
    VardeUser me() {
        return CurrentUser.find().orElse(null);
    }
}

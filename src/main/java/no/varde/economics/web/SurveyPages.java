package no.varde.economics.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.report.Formats;
import no.varde.economics.survey.SurveyAnswerDraft;
import no.varde.economics.survey.SurveyAnswers;
import no.varde.economics.survey.SurveyImport;
import no.varde.economics.survey.SurveyImportRejectedException;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The as-is survey: the answers with what the model makes of them, editing one answer, importing a file. */
@Controller
@RequestMapping("/economics/survey")
@PreAuthorize(EconomicsAccess.VIEW)
class SurveyPages {

    private final Analyses analyses;
    private final SurveyAnswers answers;
    private final SurveyImport surveyImport;
    private final Municipalities municipalities;

    SurveyPages(Analyses analyses, SurveyAnswers answers, SurveyImport surveyImport, Municipalities municipalities) {
        this.analyses = analyses;
        this.answers = answers;
        this.surveyImport = surveyImport;
        this.municipalities = municipalities;
    }

    @ModelAttribute
    void common(Model model, Locale locale) {
        VardeUser user = CurrentUser.get();
        model.addAttribute("fmt", Formats.of(locale));
        model.addAttribute("canEdit", EconomicsAccess.canEdit(user));
        model.addAttribute("ownMunicipality", user.kommunenummer());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("asIs", analyses.asIs());
        model.addAttribute("answers", answers.all());
        return "economics/survey";
    }

    @GetMapping("/{kommunenummer}/edit")
    String edit(@PathVariable Kommunenummer kommunenummer, Model model) {
        Municipality municipality = municipality(kommunenummer);
        EconomicsAccess.checkSurveyEditor(municipality.kommunenummer());
        SurveyAnswer answer = answers.find(municipality.kommunenummer())
                .orElse(SurveyAnswer.unanswered(municipality.kommunenummer()));
        model.addAttribute("municipality", municipality);
        model.addAttribute("form", SurveyAnswerDraft.of(answer));
        return "economics/survey-form";
    }

    @PostMapping("/{kommunenummer}")
    String save(
            @PathVariable Kommunenummer kommunenummer,
            @ModelAttribute("form") SurveyAnswerDraft form,
            Model model,
            RedirectAttributes redirect) {
        Municipality municipality = municipality(kommunenummer);
        VardeUser user = EconomicsAccess.checkSurveyEditor(municipality.kommunenummer());
        try {
            answers.save(form.toAnswer(municipality.kommunenummer()), user.username());
        } catch (InvalidInputException e) {
            model.addAttribute("municipality", municipality);
            model.addAttribute("problems", Forms.problems(e));
            return "economics/survey-form";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/economics/survey";
    }

    @PostMapping("/import")
    @PreAuthorize(EconomicsAccess.EDIT)
    String importFile(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            String name = file.getOriginalFilename() == null ? "survey.csv" : file.getOriginalFilename();
            int imported = surveyImport
                    .importFile(name, file.getBytes(), CurrentUser.get().username())
                    .size();
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/economics/survey";
        } catch (SurveyImportRejectedException e) {
            model.addAttribute("importProblems", e.problems());
            return list(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Municipality municipality(Kommunenummer kommunenummer) {
        return municipalities
                .find(kommunenummer)
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer));
    }
}

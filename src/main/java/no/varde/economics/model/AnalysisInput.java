package no.varde.economics.model;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;

/** The inputs of one computation: assumptions, the region with its survey answers, split basis and scenario. */
public record AnalysisInput(
        Assumptions assumptions,
        List<Municipality> region,
        Map<Kommunenummer, SurveyAnswer> answers,
        SplitBasis basis,
        Scenario scenario,
        StaffingLink staffing) {

    public AnalysisInput(
            Assumptions assumptions,
            List<Municipality> region,
            Map<Kommunenummer, SurveyAnswer> answers,
            SplitBasis basis,
            Scenario scenario) {
        this(assumptions, region, answers, basis, scenario, StaffingLink.NONE);
    }

    public AnalysisInput {
        region = region.stream()
                .sorted((a, b) -> a.kommunenummer().compareTo(b.kommunenummer()))
                .toList();
        answers = Map.copyOf(answers);
    }

    public SurveyAnswer answerOf(Kommunenummer kommunenummer) {
        return answers.getOrDefault(kommunenummer, SurveyAnswer.unanswered(kommunenummer));
    }

    public AnalysisInput with(Assumptions newAssumptions) {
        return new AnalysisInput(newAssumptions, region, answers, basis, scenario, staffing);
    }

    public AnalysisInput with(Scenario newScenario) {
        return new AnalysisInput(assumptions, region, answers, basis, newScenario, staffing);
    }

    public AnalysisInput withCosts(UnaryOperator<AsIsCosts> change) {
        Map<Kommunenummer, SurveyAnswer> changed = new java.util.HashMap<>();
        answers.forEach((k, answer) -> {
            AsIsCosts costs = answer.costs();
            changed.put(k, costs == null ? answer : answer.withCosts(change.apply(costs)));
        });
        return new AnalysisInput(assumptions, region, changed, basis, scenario, staffing);
    }

    public AnalysisInput withStaffing(StaffingLink link) {
        return new AnalysisInput(assumptions, region, answers, basis, scenario, link);
    }

    /** The scenario with its staffing-driven items computed from the staffing plan at these assumptions. */
    public AnalysisInput resolved() {
        if (staffing.isEmpty()) {
            return this;
        }
        return new AnalysisInput(
                assumptions, region, answers, basis, staffing.resolve(scenario, assumptions), StaffingLink.NONE);
    }
}

using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Web.Api;

/// <summary>The risk register's records as the API shows them, and its words read back into the editors' inputs.</summary>
internal static class RiskDtos
{
    /// <summary>"treat", "in-progress": an enum value as the API writes it.</summary>
    public static string Word<T>(T value)
        where T : struct, Enum => System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])([A-Z])", "-$1").ToLowerInvariant();

    /// <summary>
    /// An enum value from its word ("treat", "Treat"); <paramref name="missing"/> when no word is given; else a value the
    /// enum does not define, which the editors refuse with their message for the field.
    /// </summary>
    public static T Read<T>(string? word, T missing)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return missing;
        }

        var text = word.Trim();
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Word(value), text, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return (T)Enum.ToObject(typeof(T), -1);
    }

    public static RiskScoreDto Score(RiskMatrix matrix, int likelihood, int impact)
    {
        var score = RiskRules.Score(likelihood, impact);
        var band = RiskRules.Band(matrix.Bands, score);
        return new(likelihood, impact, score, band?.Name, band is null ? null : Word(band.Colour));
    }

    public static RiskSummaryDto ToDto(RiskRow r, RiskMatrix matrix) => new(
        r.Id, r.Reference, r.Title, r.Category, Word(r.Register), r.Unit, r.Owner, r.InherentScore, Score(matrix, r.CurrentLikelihood, r.CurrentImpact),
        r.TargetScore, r.LastQuarterScore, Word(r.Movement), r.ReviewDue, r.ReviewOverdue, r.AboveAppetite, r.RedForQuarters, r.NeedsReassessment,
        Word(r.State), r.IsDemonstration);

    public static RiskDto ToDto(RiskDetail d, Organisation organisation)
    {
        var r = d.Risk;
        var m = d.Matrix;
        return new RiskDto(
            r.Id, r.Reference, r.Title, r.Cause, r.Event, r.Consequence, r.Category?.Name ?? "", Word(r.RegisterLevel), r.UnitId, r.Unit?.Name,
            r.OwnerPostId, r.OwnerPersonId, r.OwnerName, d.Owner, Score(m, r.InherentLikelihood, r.InherentImpact), Score(m, r.CurrentLikelihood, r.CurrentImpact),
            r.TargetLikelihood is { } tl && r.TargetImpact is { } ti ? Score(m, tl, ti) : null, Word(r.Response), d.AboveAppetite, r.ReviewDue,
            d.ReviewOverdue, d.LastQuarterScore, Word(d.Movement), d.RedForQuarters, r.NeedsReassessment, Word(r.State), r.ClosedOn, r.ClosedReason,
            r.IsDemonstration, [.. r.Controls.Select(ToDto)], [.. d.Actions.Select(a => ToDto(a, organisation))],
            new RiskLinksDto(
                [.. r.Links.Where(l => l.ObjectiveId != null).Select(l => l.ObjectiveId!.Value)], [.. r.Links.Where(l => l.PlanId != null).Select(l => l.PlanId!.Value)],
                [.. r.Links.Where(l => l.IndicatorId != null).Select(l => l.IndicatorId!.Value)], [.. r.Links.Where(l => l.ActionId != null).Select(l => l.ActionId!.Value)]),
            [.. d.History.Select(h => new RiskReviewDto(
                h.Review.Id, h.Review.Quarter.Format(organisation.YearStartMonth), h.Review.ReviewedOn, Score(m, h.Review.Likelihood, h.Review.Impact),
                h.PreviousScore, Word(h.Movement), h.Review.WhatChanged, h.Review.Commentary, h.Review.ReviewerName, h.Review.IsDemonstration))],
            [.. r.Escalations.OrderBy(e => e.Id).Select(e => new RiskEscalationDto(
                e.Id, r.Id, r.Reference, r.Title, r.Unit?.Name, e.ProposedScore, e.ProposedAt, e.ProposedByName, e.Reason, Word(e.State),
                e.DecidedAt, e.DecidedByName, e.DecisionReason, e.Version))],
            r.Version);
    }

    public static RiskControlDto ToDto(RiskControl c) => new(
        c.Id, c.Description, c.OwnerPostId, c.OwnerPersonId, c.OwnerName, c.OwnerPost?.Title ?? c.OwnerPerson?.Name ?? c.OwnerName, Word(c.Effectiveness), c.Version);

    public static RiskActionDto ToDto(RiskActionRow row, Organisation organisation) => new(
        row.Action.Id, row.Action.PlanActionId, row.Text, row.Lead, row.Due is Period due ? due.Format(organisation.YearStartMonth) : null,
        row.Rag is Rag rag ? Word(rag) : null, row.Completed, row.Action.LeadPostId, row.Action.LeadPersonId, row.Action.LeadName, row.Action.CompletedOn,
        row.Action.Version);

    public static RiskEscalationDto ToDto(RiskEscalationRow e) => new(
        e.Id, e.RiskId, e.RiskReference, e.RiskTitle, e.Unit, e.ProposedScore, e.ProposedAt, e.ProposedBy, e.Reason, Word(e.State), e.DecidedAt,
        e.DecidedBy, e.DecisionReason, e.Version);

    public static RiskMatrixDto ToDto(RiskMatrix m, int openRisks) => new(
        m.LikelihoodLevels, m.ImpactLevels, Levels(m, RiskScale.Likelihood), Levels(m, RiskScale.Impact),
        [.. m.ImpactTypes.Select(t => new RiskImpactTypeDto(t.Name, [.. t.Criteria.OrderBy(c => c.Level).Select(c => c.Text)]))],
        [.. m.Bands.Select(b => new RiskBandDto(b.Name, Word(b.Colour), b.MinScore, b.MaxScore, b.ReviewIntervalDays))],
        [.. m.Categories.Select(c => new RiskCategoryDto(c.Id, c.Name, c.AppetiteScore))], m.EscalationScore, openRisks, m.Version);

    private static List<RiskLevelDto> Levels(RiskMatrix m, RiskScale scale) =>
        [.. m.Levels.Where(l => l.Scale == scale).OrderBy(l => l.Level).Select(l => new RiskLevelDto(l.Level, l.Name, l.Descriptor))];

    public static RiskInput Input(RiskWriteDto b, bool creating) => new()
    {
        Reference = b.Reference, Title = b.Title, Cause = b.Cause, Event = b.Event, Consequence = b.Consequence, Category = b.Category,
        RegisterLevel = Read(b.Register, RiskRegisterLevel.Service), UnitId = b.UnitId, OwnerPostId = b.OwnerPostId, OwnerPersonId = b.OwnerPersonId,
        OwnerName = b.OwnerName, InherentLikelihood = b.InherentLikelihood, InherentImpact = b.InherentImpact, CurrentLikelihood = b.CurrentLikelihood,
        CurrentImpact = b.CurrentImpact, TargetLikelihood = b.TargetLikelihood, TargetImpact = b.TargetImpact,
        Response = Read(b.Response, creating ? RiskResponse.Treat : (RiskResponse)(-1)),
        LinkedObjectiveIds = b.ObjectiveIds ?? [], LinkedPlanIds = b.PlanIds ?? [], LinkedIndicatorIds = b.IndicatorIds ?? [], LinkedActionIds = b.ActionIds ?? [],
    };

    public static RiskControlInput Input(RiskControlWriteDto b) => new()
    {
        Description = b.Description, OwnerPostId = b.OwnerPostId, OwnerPersonId = b.OwnerPersonId, OwnerName = b.OwnerName,
        Effectiveness = b.Effectiveness is null ? null : Read(b.Effectiveness, (ControlEffectiveness)(-1)),
    };

    public static RiskActionInput Input(RiskActionWriteDto b) => new()
    {
        PlanActionId = b.PlanActionId, Text = b.Text, LeadPostId = b.LeadPostId, LeadPersonId = b.LeadPersonId, LeadName = b.LeadName, Due = b.Due,
        Rag = b.Rag is null ? null : Read(b.Rag, (Rag)(-1)), CompletedOn = b.CompletedOn,
    };

    public static RiskMatrixInput Input(RiskMatrixWriteDto b)
    {
        static string? Text(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RiskMatrixInput
        {
            Likelihood = [.. (b.Likelihood ?? []).OrderBy(l => l.Level).Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
            Impact = [.. (b.Impact ?? []).OrderBy(l => l.Level).Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
            ImpactTypes = [.. (b.ImpactTypes ?? []).Select(t => new RiskImpactTypeInput(t.Name, [.. t.Criteria ?? []]))],
            Bands = [.. (b.Bands ?? []).Select(x => new RiskBandInput(x.Name, Read(x.Colour, (RiskBandColour)(-1)), Text(x.MinScore), Text(x.MaxScore), Text(x.ReviewIntervalDays)))],
            Categories = [.. (b.Categories ?? []).Select(c => new RiskCategoryInput(c.Id, c.Name, Text(c.AppetiteScore)))],
            EscalationScore = Text(b.EscalationScore),
            ConfirmReassessment = b.ConfirmReassessment,
        };
    }
}

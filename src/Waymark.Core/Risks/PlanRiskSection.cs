using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Risks;

/// <summary>
/// A plan's risk section built from the register: the open risks linked to the plan (or to one of its actions), most
/// severe first, each with its scores, band, owner, controls and further actions. It replaces the plan's narrative risk
/// section (<see cref="PlanRiskSection.NarrativeKey"/>) on the plan page, its print and its Word document.
/// </summary>
public sealed record PlanRiskSection(string Heading, string Matrix, IReadOnlyList<PlanRiskRow> Risks, int ClosedCount)
{
    /// <summary>The key of the narrative section the register replaces ("Risk overview" in the section template).</summary>
    public const string NarrativeKey = "risk-overview";

    /// <summary>Whether any score shown is a demonstration value (the demo councils), so that it is labelled.</summary>
    public bool Demonstration => Risks.Any(r => r.Demonstration);
}

/// <summary>One risk as a plan prints it; texts are already worded.</summary>
public sealed record PlanRiskRow(
    int Id, string Reference, string Title, string Description, string Category, string Register, string Owner,
    PlanRiskScore Inherent, PlanRiskScore Current, PlanRiskScore? LastQuarter, PlanRiskScore? Target, bool AboveAppetite,
    string Response, IReadOnlyList<string> Controls, IReadOnlyList<string> FurtherActions, string ReviewDue, bool ReviewOverdue,
    bool Demonstration);

/// <summary>A score with its band: "12 Very high (3×4)"; the colour is for the page, the words for everyone.</summary>
public sealed record PlanRiskScore(int Likelihood, int Impact, string Band, RiskBandColour? Colour)
{
    public int Score => RiskRules.Score(Likelihood, Impact);

    public string Text => $"{Score} {Band} ({Likelihood}×{Impact})".Replace("  ", " ", StringComparison.Ordinal);
}

/// <summary>Reads a plan's risk section; null when the plan links no risks (its narrative section stays).</summary>
public sealed class PlanRiskQueries(WaymarkDbContext db, TimeProvider clock)
{
    public async Task<PlanRiskSection?> SectionAsync(int planId, Organisation organisation, string? narrativeHeading, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var risks = await db.Risks.AsNoTracking().AsSplitQuery()
            .Where(r => r.Links.Any(l => l.PlanId == planId || (l.Action != null && l.Action.PlanId == planId)))
            .Include(r => r.Category).Include(r => r.OwnerPost).Include(r => r.OwnerPerson)
            .Include(r => r.Controls).ThenInclude(c => c.OwnerPost).Include(r => r.Controls).ThenInclude(c => c.OwnerPerson)
            .Include(r => r.Actions).ThenInclude(a => a.PlanAction!).ThenInclude(p => p.Updates)
            .Include(r => r.Actions).ThenInclude(a => a.LeadPost).Include(r => r.Actions).ThenInclude(a => a.LeadPerson)
            .Include(r => r.Reviews)
            .ToListAsync(ct);
        if (risks.Count == 0)
        {
            return null;
        }

        var matrix = await db.RiskMatrices.AsNoTracking().Include(m => m.Bands).FirstOrDefaultAsync(ct) ?? RiskMatrixDefaults.Create();
        var today = organisation.Today(clock);
        var ysm = organisation.YearStartMonth;
        var lastQuarter = Period.QuarterContaining(today, ysm).Previous();
        PlanRiskScore Score(int likelihood, int impact)
        {
            var band = RiskRules.Band(matrix.Bands, RiskRules.Score(likelihood, impact));
            return new PlanRiskScore(likelihood, impact, band?.Name ?? "", band?.Colour);
        }

        var open = risks.Where(r => r.State == RiskState.Open).Select(r =>
        {
            var last = r.Reviews.Where(v => v.Quarter <= lastQuarter).OrderBy(v => v.Quarter).ThenBy(v => v.At).LastOrDefault();
            return new PlanRiskRow(
                r.Id, r.Reference, r.Title, Description(r), r.Category?.Name ?? "",
                r.RegisterLevel == RiskRegisterLevel.Strategic ? "Strategic" : "Service",
                Name(r.OwnerPost?.Title, r.OwnerPerson?.Name, r.OwnerName),
                Score(r.InherentLikelihood, r.InherentImpact), Score(r.CurrentLikelihood, r.CurrentImpact),
                last is null ? null : Score(last.Likelihood, last.Impact),
                r is { TargetLikelihood: { } tl, TargetImpact: { } ti } ? Score(tl, ti) : null,
                RiskRules.AboveAppetite(RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact), r.Category?.AppetiteScore),
                r.Response.ToString(),
                r.Controls.OrderBy(c => c.SortOrder).Select(c => $"{c.Description} ({Effectiveness(c.Effectiveness)})").ToList(),
                r.Actions.OrderBy(a => a.SortOrder).Select(a => Action(a, ysm)).ToList(),
                r.ReviewDue?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not set",
                RiskRules.IsReviewOverdue(r.ReviewDue, today),
                r.IsDemonstration);
        })
            .OrderByDescending(r => r.Current.Score).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
        return new PlanRiskSection(
            string.IsNullOrWhiteSpace(narrativeHeading) ? "Risks" : narrativeHeading,
            $"{matrix.LikelihoodLevels}×{matrix.ImpactLevels}", open, risks.Count - open.Count);
    }

    /// <summary>"Failure to … leading to … resulting in …", from the parts the register holds.</summary>
    public static string Description(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(risk.Cause))
        {
            parts.Add(risk.Cause.Trim());
        }

        if (!string.IsNullOrWhiteSpace(risk.Event))
        {
            parts.Add("leading to " + risk.Event.Trim());
        }

        if (!string.IsNullOrWhiteSpace(risk.Consequence))
        {
            parts.Add("resulting in " + risk.Consequence.Trim());
        }

        return parts.Count == 0 ? risk.Title : string.Join(' ', parts);
    }

    public static string Effectiveness(ControlEffectiveness effectiveness) => effectiveness switch
    {
        ControlEffectiveness.Substantial => "substantial",
        ControlEffectiveness.Adequate => "adequate",
        ControlEffectiveness.Limited => "limited",
        _ => "not effective",
    };

    private static string Name(string? post, string? person, string? name) =>
        person ?? post ?? (string.IsNullOrWhiteSpace(name) ? "Not given" : name);

    private static string Action(RiskAction action, int ysm)
    {
        var text = action.PlanAction?.Title ?? action.Text ?? "";
        var lead = action.LeadPerson?.Name ?? action.LeadPost?.Title ?? action.LeadName;
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(lead))
        {
            details.Add(lead);
        }

        if (action.DueMonth is { } due)
        {
            details.Add("due " + due.Format(ysm));
        }

        if (action.CompletedOn is not null)
        {
            details.Add("completed");
        }
        else if ((action.PlanAction?.Updates.OrderBy(u => u.Quarter).ThenBy(u => u.At).LastOrDefault()?.Rag ?? action.Rag) is { } rag)
        {
            details.Add(rag.ToString());
        }

        return details.Count == 0 ? text : $"{text} ({string.Join(", ", details)})";
    }
}

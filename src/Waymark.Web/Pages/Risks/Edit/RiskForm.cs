using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>
/// The fields of a risk's form (new and edit; <c>_RiskFields.cshtml</c>) as the page binds them, and turning them into a
/// <see cref="RiskInput"/>. Field ids are the editor's field names, so that its errors link to their fields.
/// </summary>
public sealed class RiskForm
{
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Cause { get; set; }
    public string? Event { get; set; }
    public string? Consequence { get; set; }
    public string? Category { get; set; }
    public RiskRegisterLevel RegisterLevel { get; set; }
    public int? UnitId { get; set; }
    public int? OwnerPostId { get; set; }
    public int? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public int? InherentLikelihood { get; set; }
    public int? InherentImpact { get; set; }
    public int? CurrentLikelihood { get; set; }
    public int? CurrentImpact { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetImpact { get; set; }
    public RiskResponse Response { get; set; }
    public List<int?> LinkedObjectiveIds { get; set; } = [];
    public List<int?> LinkedPlanIds { get; set; } = [];
    public List<int?> LinkedIndicatorIds { get; set; } = [];

    /// <summary>Links to plan actions, kept as they are (they are chosen as further actions).</summary>
    public List<int?> LinkedActionIds { get; set; } = [];

    public RiskInput ToInput() => new()
    {
        Reference = Reference, Title = Title, Cause = Cause, Event = Event, Consequence = Consequence, Category = Category,
        RegisterLevel = RegisterLevel, UnitId = UnitId, OwnerPostId = OwnerPostId, OwnerPersonId = OwnerPersonId, OwnerName = OwnerName,
        InherentLikelihood = InherentLikelihood, InherentImpact = InherentImpact, CurrentLikelihood = CurrentLikelihood, CurrentImpact = CurrentImpact,
        TargetLikelihood = TargetLikelihood, TargetImpact = TargetImpact, Response = Response,
        LinkedObjectiveIds = Ids(LinkedObjectiveIds), LinkedPlanIds = Ids(LinkedPlanIds), LinkedIndicatorIds = Ids(LinkedIndicatorIds), LinkedActionIds = Ids(LinkedActionIds),
    };

    public static RiskForm From(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskForm
        {
            Reference = risk.Reference, Title = risk.Title, Cause = risk.Cause, Event = risk.Event, Consequence = risk.Consequence,
            Category = risk.Category?.Name, RegisterLevel = risk.RegisterLevel, UnitId = risk.UnitId, OwnerPostId = risk.OwnerPostId,
            OwnerPersonId = risk.OwnerPersonId, OwnerName = risk.OwnerName, InherentLikelihood = risk.InherentLikelihood, InherentImpact = risk.InherentImpact,
            CurrentLikelihood = risk.CurrentLikelihood, CurrentImpact = risk.CurrentImpact, TargetLikelihood = risk.TargetLikelihood, TargetImpact = risk.TargetImpact,
            Response = risk.Response,
            LinkedObjectiveIds = [.. risk.Links.Where(l => l.ObjectiveId is not null).Select(l => l.ObjectiveId)],
            LinkedPlanIds = [.. risk.Links.Where(l => l.PlanId is not null).Select(l => l.PlanId)],
            LinkedIndicatorIds = [.. risk.Links.Where(l => l.IndicatorId is not null).Select(l => l.IndicatorId)],
            LinkedActionIds = [.. risk.Links.Where(l => l.ActionId is not null).Select(l => l.ActionId)],
        };
    }

    private static List<int> Ids(List<int?> ids) => [.. ids.Where(i => i is not null).Select(i => i!.Value).Distinct()];

    /// <summary>The rows to show: those filled in and one empty, to add another.</summary>
    public static List<int?> Rows(List<int?> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids.Where(i => i is not null), null];
    }

    public static string? Value(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a risk's form offers to choose from.</summary>
public sealed record RiskChoices(
    RiskMatrix Matrix, IReadOnlyList<SelectOption> Units, IReadOnlyList<SelectOption> Posts, IReadOnlyList<SelectOption> People,
    IReadOnlyList<SelectOption> Objectives, IReadOnlyList<SelectOption> Plans, IReadOnlyList<SelectOption> Indicators)
{
    public static async Task<RiskChoices> LoadAsync(RiskQueries queries, FrameworkChoiceQueries framework, WaymarkDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(db);
        var choices = await framework.ChoicesAsync(ct);
        static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        static string Short(string text) => text.Length > 150 ? text[..147] + "…" : text;
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ThenBy(i => i.Title).Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(ct);
        return new RiskChoices(
            await queries.MatrixAsync(ct),
            [.. choices.Units.Select(u => new SelectOption(Id(u.Id), u.Path))],
            [.. choices.Posts.Select(p => new SelectOption(Id(p.Id), p.HolderName is null ? p.Title : $"{p.Title} ({p.HolderName})", p.UnitName))],
            [.. choices.People.Select(p => new SelectOption(Id(p.Id), p.Name))],
            [.. choices.Objectives.Select(o => new SelectOption(Id(o.Id), Short(o.Reference is null ? o.Title : $"{o.Reference} {o.Title}"), o.LevelName))],
            [.. plans.Select(p => new SelectOption(Id(p.Id), Short(p.Title)))],
            [.. indicators.Select(i => new SelectOption(Id(i.Id), Short(string.IsNullOrWhiteSpace(i.Code) ? i.Title : $"{i.Code} {i.Title}")))]);
    }

    /// <summary>The levels of a scale as options: "4 Likely".</summary>
    public IReadOnlyList<SelectOption> Levels(RiskScale scale) =>
        [.. Matrix.Levels.Where(l => l.Scale == scale).OrderBy(l => l.Level).Select(l => new SelectOption(l.Level.ToString(CultureInfo.InvariantCulture), $"{l.Level} {l.Name}"))];
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>A risk's fields read and checked against the matrix and the organisation's records.</summary>
internal sealed record RiskValues(
    string? Reference, string Title, string? Cause, string? Event, string? Consequence, RiskCategory Category,
    int? UnitId, int? OwnerPostId, int? OwnerPersonId, string? OwnerName,
    int InherentLikelihood, int InherentImpact, int CurrentLikelihood, int CurrentImpact, int? TargetLikelihood, int? TargetImpact);

/// <summary>Reads a <see cref="RiskInput"/>: one message per wrong field, in the one wording of the editors.</summary>
internal static class RiskInputReader
{
    public static async Task<(RiskValues? Values, IReadOnlyDictionary<string, string> Errors)> ReadAsync(
        WaymarkDbContext db, RiskMatrix matrix, RiskInput input, int? riskId, CancellationToken ct)
    {
        var read = new FieldReader();
        var reference = read.Text(input.Reference, RiskFields.Reference, "reference", RiskLimits.ReferenceMaxLength);
        var title = read.Text(input.Title, RiskFields.Title, "title", RiskLimits.TitleMaxLength, required: true);
        var cause = read.Text(input.Cause, RiskFields.Cause, "cause", RiskLimits.TextMaxLength);
        var riskEvent = read.Text(input.Event, RiskFields.Event, "event", RiskLimits.TextMaxLength);
        var consequence = read.Text(input.Consequence, RiskFields.Consequence, "consequence", RiskLimits.TextMaxLength);
        var ownerName = read.Text(input.OwnerName, RiskFields.OwnerName, "owner's name", RiskLimits.NameMaxLength);
        var categoryName = FieldReader.Clean(input.Category);
        var category = categoryName is null ? null
            : matrix.Categories.FirstOrDefault(c => string.Equals(c.Name, categoryName, StringComparison.OrdinalIgnoreCase));
        if (category is null)
        {
            read.Fail(RiskFields.Category, categoryName is null ? "Select the category" : "Select a category of the risk matrix");
        }

        if (!Enum.IsDefined(input.RegisterLevel))
        {
            read.Fail(RiskFields.RegisterLevel, "Select the register");
        }

        if (!Enum.IsDefined(input.Response))
        {
            read.Fail(RiskFields.Response, "Select the response");
        }

        var (l, i) = (matrix.LikelihoodLevels, matrix.ImpactLevels);
        var inherentL = RiskNumbers.Level(read, input.InherentLikelihood, RiskFields.InherentLikelihood, "inherent likelihood", l, true);
        var inherentI = RiskNumbers.Level(read, input.InherentImpact, RiskFields.InherentImpact, "inherent impact", i, true);
        var currentL = RiskNumbers.Level(read, input.CurrentLikelihood, RiskFields.CurrentLikelihood, "current likelihood", l, true);
        var currentI = RiskNumbers.Level(read, input.CurrentImpact, RiskFields.CurrentImpact, "current impact", i, true);
        var targetL = RiskNumbers.Level(read, input.TargetLikelihood, RiskFields.TargetLikelihood, "target likelihood", l, input.TargetImpact is not null);
        var targetI = RiskNumbers.Level(read, input.TargetImpact, RiskFields.TargetImpact, "target impact", i, input.TargetLikelihood is not null);

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            read.Fail(RiskFields.UnitId, "Select a unit from the list");
        }

        if (input.OwnerPostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            read.Fail(RiskFields.OwnerPostId, "Select a post from the list");
        }

        if (input.OwnerPersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            read.Fail(RiskFields.OwnerPersonId, "Select a person from the list");
        }

        if (input.OwnerPostId is null && input.OwnerPersonId is null && ownerName is null)
        {
            read.Fail(RiskFields.Owner, "Select the owner's post or person, or enter the owner's name");
        }

        if (reference is not null && await db.Risks.AnyAsync(r => r.Reference == reference && r.Id != riskId, ct))
        {
            read.Fail(RiskFields.Reference, $"There is already a risk {reference}: enter another reference, or leave it blank for the next one");
        }

        await CheckLinksAsync(db, input, read, ct);
        if (read.HasErrors)
        {
            return (null, read.Errors);
        }

        return (new RiskValues(reference, title!, cause, riskEvent, consequence, category!, input.UnitId, input.OwnerPostId, input.OwnerPersonId, ownerName,
            inherentL!.Value, inherentI!.Value, currentL!.Value, currentI!.Value, targetL, targetI), read.Errors);
    }

    private static async Task CheckLinksAsync(WaymarkDbContext db, RiskInput input, FieldReader read, CancellationToken ct)
    {
        var objectives = input.LinkedObjectiveIds.Distinct().ToList();
        var plans = input.LinkedPlanIds.Distinct().ToList();
        var indicators = input.LinkedIndicatorIds.Distinct().ToList();
        var actions = input.LinkedActionIds.Distinct().ToList();
        if (await db.Objectives.CountAsync(o => objectives.Contains(o.Id), ct) != objectives.Count
            || await db.Plans.CountAsync(p => plans.Contains(p.Id), ct) != plans.Count
            || await db.Indicators.CountAsync(x => indicators.Contains(x.Id), ct) != indicators.Count
            || await db.PlanActions.CountAsync(a => actions.Contains(a.Id), ct) != actions.Count)
        {
            read.Fail(RiskFields.Links, "Select the objectives, plans, indicators and actions to link from the lists");
        }
    }
}

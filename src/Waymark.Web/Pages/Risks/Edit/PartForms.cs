using System.Globalization;
using Waymark.Core.Framework;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>A control's form as the page binds it.</summary>
public sealed class ControlForm : IPartForm<RiskControlInput>
{
    public string? Description { get; set; }
    public int? OwnerPostId { get; set; }
    public int? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public ControlEffectiveness? Effectiveness { get; set; }

    public RiskControlInput ToInput() => new()
    {
        Description = Description, OwnerPostId = OwnerPostId, OwnerPersonId = OwnerPersonId, OwnerName = OwnerName, Effectiveness = Effectiveness,
    };

    public static ControlForm From(RiskControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return new ControlForm
        {
            Description = control.Description, OwnerPostId = control.OwnerPostId, OwnerPersonId = control.OwnerPersonId,
            OwnerName = control.OwnerName, Effectiveness = control.Effectiveness,
        };
    }
}

/// <summary>A further action's form as the page binds it.</summary>
public sealed class FurtherActionForm : IPartForm<RiskActionInput>
{
    public int? PlanActionId { get; set; }
    public string? Text { get; set; }
    public int? LeadPostId { get; set; }
    public int? LeadPersonId { get; set; }
    public string? LeadName { get; set; }
    public string? Due { get; set; }
    public Rag? Rag { get; set; }

    public RiskActionInput ToInput() => new()
    {
        PlanActionId = PlanActionId, Text = Text, LeadPostId = LeadPostId, LeadPersonId = LeadPersonId, LeadName = LeadName, Due = Due, Rag = Rag,
    };

    public static FurtherActionForm From(RiskAction action, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new FurtherActionForm
        {
            PlanActionId = action.PlanActionId, Text = action.Text, LeadPostId = action.LeadPostId, LeadPersonId = action.LeadPersonId,
            LeadName = action.LeadName, Due = action.DueMonth?.Format(yearStartMonth), Rag = action.Rag,
        };
    }
}

/// <summary>What the forms of a risk's parts offer: posts, people and (for further actions) plan actions.</summary>
public sealed record PartChoices(IReadOnlyList<SelectOption> Posts, IReadOnlyList<SelectOption> People, IReadOnlyList<SelectOption> PlanActions)
{
    /// <summary>The choices, the plan actions narrowed by a search and the unit's first (<see cref="RiskQueries.PlanActionChoicesAsync(string?, int?, int?, CancellationToken)"/>).</summary>
    public static async Task<PartChoices> LoadAsync(FrameworkChoiceQueries framework, RiskQueries risks, string? search, int? unitId, int? chosenPlanAction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(risks);
        var choices = await framework.ChoicesAsync(ct);
        static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        var planActions = await risks.PlanActionChoicesAsync(search, unitId, chosenPlanAction, ct);
        return new PartChoices(
            [.. choices.Posts.Select(p => new SelectOption(Id(p.Id), p.HolderName is null ? p.Title : $"{p.Title} ({p.HolderName})", p.UnitName))],
            [.. choices.People.Select(p => new SelectOption(Id(p.Id), p.Name))],
            [.. planActions.Select(a => new SelectOption(Id(a.Id), a.Text.Length > 150 ? a.Text[..147] + "…" : a.Text, a.Plan))]);
    }

    public static IReadOnlyList<SelectOption> Effectiveness { get; } =
        [.. Enum.GetValues<ControlEffectiveness>().Select(e => new SelectOption(e.ToString(), RiskWords.Text(e)))];

    public static IReadOnlyList<SelectOption> Rags { get; } =
        [.. Enum.GetValues<Rag>().Select(r => new SelectOption(r.ToString(), ActionRules.Text(r)))];
}

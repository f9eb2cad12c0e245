using System.Globalization;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>
/// The plan's facts as a form (new plan, change a plan; <c>_PlanFields.cshtml</c>): the input as the page bound it, the
/// choices its lists offer, and its fields' errors.
/// </summary>
public sealed class PlanForm(PlanInput input, PlanForm.Choices choices, Func<string, string?> error)
{
    /// <summary>The lists the form offers: units, posts and people, and the plan types.</summary>
    public sealed record Choices(FrameworkChoices Framework, IReadOnlyList<(string Key, string Name)> Types)
    {
        public static async Task<Choices> LoadAsync(FrameworkChoiceQueries framework, WaymarkDbContext db, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(framework);
            return new Choices(await framework.ChoicesAsync(ct), await PlanDefaults.TypesOfAsync(db, ct));
        }
    }

    public PlanInput Input => input;

    public string? Error(string field) => error(field);

    /// <summary>The form filled with a saved plan's facts.</summary>
    public static PlanInput InputOf(Plan plan, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanInput
        {
            Type = plan.PlanType?.Key, Title = plan.Title, UnitId = plan.UnitId, StartYear = plan.StartYear.Format(yearStartMonth),
            EndYear = plan.EndYear.Format(yearStartMonth), HeadOfServicePostId = plan.HeadOfServicePostId,
            HeadOfServicePersonId = plan.HeadOfServicePersonId, Source = plan.Source,
            Progress = PlanWords.Key(plan.Progress),
        };
    }

    public SelectInput TypeSelect => new(PlanFields.Type, nameof(PlanInput.Type), "Type of plan", input.Type, Error(PlanFields.Type),
        choices.Types.Select(t => new SelectOption(t.Key, t.Name)).ToList())
    { EmptyText = "Choose a type" };

    public SelectInput UnitSelect => new(PlanFields.UnitId, nameof(PlanInput.UnitId), "Service or team", Id(input.UnitId), Error(PlanFields.UnitId),
        choices.Framework.Units.Select(u => new SelectOption(Id(u.Id), u.Path)).ToList())
    { EmptyText = "No unit (the whole council)", Hint = "Service managers start and change the plans of their units." };

    public SelectInput PostSelect => new(PlanFields.HeadOfServicePostId, nameof(PlanInput.HeadOfServicePostId), "Head of service (post)", Id(input.HeadOfServicePostId),
        Error(PlanFields.HeadOfServicePostId), choices.Framework.Posts.Select(p => new SelectOption(Id(p.Id), $"{p.Title} ({p.HolderName ?? "vacant"})", p.UnitName)).ToList())
    { EmptyText = "No post", Hint = "Plans usually name the post. Choose a person as well, or instead, if you need to." };

    public SelectInput PersonSelect => new(PlanFields.HeadOfServicePersonId, nameof(PlanInput.HeadOfServicePersonId), "Head of service (person)", Id(input.HeadOfServicePersonId),
        Error(PlanFields.HeadOfServicePersonId), choices.Framework.People.Select(p => new SelectOption(Id(p.Id), p.Name)).ToList())
    { EmptyText = "No person" };

    /// <summary>The saved facts beside the person's input, in words.</summary>
    public IReadOnlyList<ConflictRow> Compare(Plan saved, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(saved);
        string? TypeName(string? key) => choices.Types.FirstOrDefault(t => t.Key == key).Name ?? key;
        string? Unit(int? id) => choices.Framework.Units.FirstOrDefault(u => u.Id == id)?.Path;
        string? Post(int? id) => choices.Framework.Posts.FirstOrDefault(p => p.Id == id)?.Title;
        string? Person(int? id) => choices.Framework.People.FirstOrDefault(p => p.Id == id)?.Name;
        return ConflictRow.Differing(
            new ConflictRow("Type of plan", saved.PlanType?.Name, TypeName(input.Type)),
            new ConflictRow("Title", saved.Title, input.Title),
            new ConflictRow("Service or team", Unit(saved.UnitId), Unit(input.UnitId)),
            new ConflictRow("First year", saved.StartYear.Format(yearStartMonth), input.StartYear),
            new ConflictRow("Last year", saved.EndYear.Format(yearStartMonth), input.EndYear),
            new ConflictRow("Head of service (post)", Post(saved.HeadOfServicePostId), Post(input.HeadOfServicePostId)),
            new ConflictRow("Head of service (person)", Person(saved.HeadOfServicePersonId), Person(input.HeadOfServicePersonId)),
            new ConflictRow("Responds to", saved.Source, input.Source),
            new ConflictRow("Progress recorded as", ProgressText(PlanWords.Key(saved.Progress)), ProgressText(input.Progress)));
    }

    /// <summary>What the form offers for recording progress: value, label and hint.</summary>
    public static IReadOnlyList<(string Value, string Label, string Hint)> ProgressChoices { get; } =
    [
        ("rag", "Red, amber or green", "On the organisation's key, with commentary: the usual way for service plans."),
        ("status", "A status", "Not commenced, on going or complete, with commentary: for a plan with no R/A/G key."),
    ];

    private static string? ProgressText(string? word) => ProgressChoices.FirstOrDefault(c => c.Value == word).Label ?? word;

    private static string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";
}

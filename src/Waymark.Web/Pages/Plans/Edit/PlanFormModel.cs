using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>The plan's facts as a form (new plan, change a plan): type, title, unit, years, head of service, source.</summary>
public abstract class PlanFormModel(OrganisationScope scope, PlanEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? StartYear { get; set; }

    [BindProperty]
    public string? EndYear { get; set; }

    [BindProperty]
    public int? HeadOfServicePostId { get; set; }

    [BindProperty]
    public int? HeadOfServicePersonId { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public FrameworkChoices Choices { get; private set; } = null!;

    public IReadOnlyList<(string Key, string Name)> Types { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Choices = await framework.ChoicesAsync(ct);
        Types = await PlanDefaults.TypesOfAsync(db, ct);
    }

    public PlanInput Input => new()
    {
        Type = Type, Title = Title, UnitId = UnitId, StartYear = StartYear, EndYear = EndYear,
        HeadOfServicePostId = HeadOfServicePostId, HeadOfServicePersonId = HeadOfServicePersonId, Source = Source,
    };

    protected void Fill(Plan plan)
    {
        Type = plan.PlanType?.Key;
        Title = plan.Title;
        UnitId = plan.UnitId;
        StartYear = plan.StartYear.Format(YearStartMonth);
        EndYear = plan.EndYear.Format(YearStartMonth);
        HeadOfServicePostId = plan.HeadOfServicePostId;
        HeadOfServicePersonId = plan.HeadOfServicePersonId;
        Source = plan.Source;
    }

    public SelectInput TypeSelect => new(PlanFields.Type, nameof(Type), "Type of plan", Type, Error(PlanFields.Type),
        Types.Select(t => new SelectOption(t.Key, t.Name)).ToList())
    { EmptyText = "Choose a type" };

    public SelectInput UnitSelect => new(PlanFields.UnitId, nameof(UnitId), "Service or team", Id(UnitId), Error(PlanFields.UnitId),
        Choices.Units.Select(u => new SelectOption(Id(u.Id), u.Path)).ToList())
    { EmptyText = "No unit (the whole council)", Hint = "Service managers start and change the plans of their units." };

    public SelectInput PostSelect => new(PlanFields.HeadOfServicePostId, nameof(HeadOfServicePostId), "Head of service (post)", Id(HeadOfServicePostId),
        Error(PlanFields.HeadOfServicePostId), Choices.Posts.Select(p => new SelectOption(Id(p.Id), $"{p.Title} ({p.HolderName ?? "vacant"})", p.UnitName)).ToList())
    { EmptyText = "No post", Hint = "Plans usually name the post. Choose a person as well, or instead, if you need to." };

    public SelectInput PersonSelect => new(PlanFields.HeadOfServicePersonId, nameof(HeadOfServicePersonId), "Head of service (person)", Id(HeadOfServicePersonId),
        Error(PlanFields.HeadOfServicePersonId), Choices.People.Select(p => new SelectOption(Id(p.Id), p.Name)).ToList())
    { EmptyText = "No person" };

    /// <summary>The saved facts beside the person's input, in words.</summary>
    protected IReadOnlyList<ConflictRow> Compare(Plan saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        string? TypeName(string? key) => Types.FirstOrDefault(t => t.Key == key).Name ?? key;
        string? Unit(int? id) => Choices.Units.FirstOrDefault(u => u.Id == id)?.Path;
        string? Post(int? id) => Choices.Posts.FirstOrDefault(p => p.Id == id)?.Title;
        string? Person(int? id) => Choices.People.FirstOrDefault(p => p.Id == id)?.Name;
        return ConflictRow.Differing(
            new ConflictRow("Type of plan", saved.PlanType?.Name, TypeName(Type)),
            new ConflictRow("Title", saved.Title, Title),
            new ConflictRow("Service or team", Unit(saved.UnitId), Unit(UnitId)),
            new ConflictRow("First year", saved.StartYear.Format(YearStartMonth), StartYear),
            new ConflictRow("Last year", saved.EndYear.Format(YearStartMonth), EndYear),
            new ConflictRow("Head of service (post)", Post(saved.HeadOfServicePostId), Post(HeadOfServicePostId)),
            new ConflictRow("Head of service (person)", Person(saved.HeadOfServicePersonId), Person(HeadOfServicePersonId)),
            new ConflictRow("Responds to", saved.Source, Source));
    }
}

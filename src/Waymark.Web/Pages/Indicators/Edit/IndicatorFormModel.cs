using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Edit;

/// <summary>The fields of an indicator's definition form (new and change), their choices and their errors.</summary>
public abstract class IndicatorFormModel(OrganisationScope scope, IndicatorEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db) : EditorPageModel(scope)
{
    /// <summary>Blank formula input rows offered beyond those in use (enough without JavaScript).</summary>
    public const int SpareInputRows = 6;

    protected IndicatorEditor Editor { get; } = editor;

    protected WaymarkDbContext Db { get; } = db;

    /// <summary>The definition's fields, bound by their own names (Code, Title…), as the editor reads them.</summary>
    [BindProperty]
    public IndicatorDefinitionInput Input { get; set; } = new();

    /// <summary>Formula rows: the letter of each row, and (in <see cref="InputIndicatorIds"/>) its indicator.</summary>
    [BindProperty] public List<string?> InputVariables { get; set; } = [];

    [BindProperty] public List<int?> InputIndicatorIds { get; set; } = [];

    /// <summary>The members of a basket ("% on target" or "% improving" of them).</summary>
    [BindProperty] public List<int> BasketIds { get; set; } = [];

    public FrameworkChoices Choices { get; private set; } = null!;

    /// <summary>Indicators this one may be calculated from (all but itself), as (id, label).</summary>
    public IReadOnlyList<(int Id, string Label)> IndicatorChoices { get; private set; } = [];

    /// <summary>The indicator being changed (null on the new-indicator page).</summary>
    public int? EditingId { get; protected set; }

    public string CurrentYear => Core.Periods.Period.FinancialYearContaining(Today, YearStartMonth).Format(YearStartMonth);

    /// <summary>The input with its calculation inputs, gathered from the formula rows or the basket.</summary>
    protected IndicatorDefinitionInput Posted
    {
        get
        {
            IReadOnlyList<CalculationInputSpec> inputs = Input.Calculation?.Trim().ToLowerInvariant() switch
            {
                "formula" => InputVariables.Select((v, n) => new CalculationInputSpec(string.IsNullOrWhiteSpace(v) ? null : v.Trim(), n < InputIndicatorIds.Count ? InputIndicatorIds[n] : null))
                    .Where(x => x.Variable is not null || x.IndicatorId is not null).ToList(),
                "percent-on-target" or "percent-improving" => BasketIds.Distinct().Select(id => new CalculationInputSpec(null, id)).ToList(),
                _ => [],
            };
            return Input with { Tags = Input.Tags ?? [], ObjectiveIds = Input.ObjectiveIds ?? [], Inputs = inputs };
        }
    }

    /// <summary>Shows a saved definition in the form.</summary>
    protected void Fill(IndicatorDefinitionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        var inputs = input.Inputs ?? [];
        InputVariables = inputs.Where(x => x.Variable is not null).Select(x => x.Variable).ToList();
        InputIndicatorIds = inputs.Where(x => x.Variable is not null).Select(x => x.IndicatorId).ToList();
        BasketIds = inputs.Where(x => x.Variable is null && x.IndicatorId is not null).Select(x => x.IndicatorId!.Value).ToList();
    }

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Choices = await framework.ChoicesAsync(ct);
        IndicatorChoices = (await Db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(ct))
            .Where(i => i.Id != EditingId).Select(i => (i.Id, Short(string.IsNullOrWhiteSpace(i.Code) ? i.Title : $"{i.Code} {i.Title}"))).ToList();
    }

    /// <summary>The formula rows to show: those in use, then blank ones.</summary>
    public int InputRowCount => Math.Max(InputVariables.Count, InputIndicatorIds.Count) + SpareInputRows;

    public SelectInput WordSelect<T>(string field, string name, string label, string? value, Func<T, string> text, string? hint = null, string? empty = null)
        where T : struct, Enum =>
        new(field, name, label, value, Error(field), Enum.GetValues<T>().Where(v => v.ToString() != "None" || typeof(T) == typeof(IndicatorUnit))
            .Select(v => new SelectOption(IndicatorWords.Word(v), text(v))).ToList())
        { Hint = hint, EmptyText = empty };

    public SelectInput UnitSelect => new(IndicatorFields.UnitId, "UnitId", "Service or team", Id(Input.UnitId), Error(IndicatorFields.UnitId),
        Choices.Units.Select(u => new SelectOption(Id(u.Id)!, u.Path)).ToList())
    { EmptyText = "No unit (the whole council)", Hint = "Service managers define and change the indicators of their units." };

    public SelectInput PostSelect(string field, string name, string label, int? value, string? hint = null) => new(field, name, label, Id(value), Error(field),
        Choices.Posts.Select(p => new SelectOption(Id(p.Id)!, $"{p.Title} ({p.HolderName ?? "vacant"})", p.UnitName)).ToList())
    { EmptyText = "No post", Hint = hint };

    public SelectInput PersonSelect(string field, string name, string label, int? value) => new(field, name, label, Id(value), Error(field),
        Choices.People.Select(p => new SelectOption(Id(p.Id)!, p.Name, p.Kind == Core.Units.PersonKind.Councillor ? "Councillors" : "Officers")).ToList())
    { EmptyText = "No person" };

    /// <summary>The saved definition beside the person's input, field by field, in words.</summary>
    protected IReadOnlyList<ConflictRow> Compare(IndicatorDefinitionInput saved, IndicatorDefinitionInput mine)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(mine);
        string? Unit(int? id) => Choices.Units.FirstOrDefault(u => u.Id == id)?.Path;
        string? Post(int? id) => Choices.Posts.FirstOrDefault(p => p.Id == id)?.Title;
        string? Person(int? id) => Choices.People.FirstOrDefault(p => p.Id == id)?.Name;
        string? Word<T>(string? word, Func<T, string> text)
            where T : struct, Enum => IndicatorWords.TryRead<T>(word, out var v) ? text(v) : word;
        static string Join(IEnumerable<string>? items) => string.Join(", ", items ?? []);
        string Objectives(IReadOnlyList<int>? ids) => string.Join("; ", Choices.Objectives.Where(o => ids?.Contains(o.Id) == true)
            .Select(o => Waymark.Web.Pages.Framework.Edit.ObjectiveFormModel.ShortLabel(o.Reference, o.Title)));
        string Inputs(IndicatorDefinitionInput x) => Join((x.Inputs ?? []).Select(i => (i.Variable is null ? "" : i.Variable + " = ")
            + (IndicatorChoices.FirstOrDefault(c => c.Id == i.IndicatorId).Label ?? "")));
        return ConflictRow.Differing(
            new("Code", saved.Code, mine.Code?.Trim()),
            new("Title", saved.Title, mine.Title?.Trim()),
            new("Definition", saved.Definition, mine.Definition?.Trim()),
            new("Unit of measure", Word<IndicatorUnit>(saved.Unit, u => u.Text()), Word<IndicatorUnit>(mine.Unit, u => u.Text())),
            new("Decimal places", saved.DecimalPlaces, mine.DecimalPlaces?.Trim()),
            new("Which way is better", Word<Core.Indicators.Polarity>(saved.Polarity, p => p.Text()), Word<Core.Indicators.Polarity>(mine.Polarity, p => p.Text())),
            new("Frequency", Word<Core.Indicators.Frequency>(saved.Frequency, f => f.Text()), Word<Core.Indicators.Frequency>(mine.Frequency, f => f.Text())),
            new("How a year's figure is formed", Word<Core.Indicators.Aggregation>(saved.Aggregation, a => a.Text()), Word<Core.Indicators.Aggregation>(mine.Aggregation, a => a.Text())),
            new("Data source", saved.DataSource, mine.DataSource?.Trim()),
            new("Type", Join(saved.Tags), Join(mine.Tags)),
            new("Service or team", Unit(saved.UnitId), Unit(mine.UnitId)),
            new("Data owner: a post", Post(saved.DataOwnerPostId), Post(mine.DataOwnerPostId)),
            new("Data owner: a person", Person(saved.DataOwnerPersonId), Person(mine.DataOwnerPersonId)),
            new("Lead officer: a post", Post(saved.LeadPostId), Post(mine.LeadPostId)),
            new("Lead officer: a person", Person(saved.LeadPersonId), Person(mine.LeadPersonId)),
            new("Baseline", saved.BaselineValue, mine.BaselineValue?.Trim()),
            new("Baseline period", saved.BaselinePeriod, mine.BaselinePeriod?.Trim()),
            new("Baseline note", saved.BaselineNote, mine.BaselineNote?.Trim()),
            new("Lowest value", saved.Minimum, mine.Minimum?.Trim()),
            new("Highest value", saved.Maximum, mine.Maximum?.Trim()),
            new("Tolerance", saved.ToleranceAmount, mine.ToleranceAmount?.Trim()),
            new("Tolerance measured as", saved.ToleranceKind, mine.ToleranceKind),
            new("Direction of travel compares with", saved.Comparison, mine.Comparison),
            new("No-change threshold", saved.NoChangeThreshold, mine.NoChangeThreshold?.Trim()),
            new("First year collected", saved.CollectFrom, mine.CollectFrom?.Trim()),
            new("Last year collected", saved.CollectUntil, mine.CollectUntil?.Trim()),
            new("Objectives", Objectives(saved.ObjectiveIds), Objectives(mine.ObjectiveIds)),
            new("Values are", saved.Calculation, mine.Calculation),
            new("Formula", saved.Formula, mine.Formula?.Trim()),
            new("Calculated from", Inputs(saved), Inputs(mine)));
    }

    private static string Short(string label) => label.Length <= 100 ? label : label[..99] + "…";

    protected static string? Id(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}

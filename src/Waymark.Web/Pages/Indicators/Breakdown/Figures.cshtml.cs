using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Breakdowns;
using Waymark.Core.Corrections;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Breakdown;

/// <summary>One part's row of the figures form, as typed.</summary>
public sealed class FigureInput
{
    public int MemberId { get; set; }
    public string? Value { get; set; }
    public string? Commentary { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>
/// A period's figures of every part of an indicator's breakdown in one form (<see cref="BreakdownValueEditor"/>): each
/// part its owner may change, the others shown; errors against their row; the whole figure formed when saved.
/// </summary>
public class FiguresModel(OrganisationScope scope, BreakdownValueEditor editor, BreakdownQueries queries, PeriodLock periodLock) : EditorPageModel(scope)
{
    public BreakdownPeriod Current { get; private set; } = null!;

    public Indicator Indicator => Current.Indicator;

    public Period Period { get; private set; }

    public string PeriodText => Period.Format(YearStartMonth);

    /// <summary>The members this person may change, by id.</summary>
    public IReadOnlySet<int> Editable { get; private set; } = new HashSet<int>();

    [BindProperty]
    public List<FigureInput> Rows { get; set; } = [];

    [BindProperty]
    public string? CorrectionReason { get; set; }

    public ClosedPeriod? LockedBy { get; private set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public TextareaInput ReasonInput => new(LockRules.ReasonField, nameof(CorrectionReason), "Reason for the correction", CorrectionReason, Error(LockRules.ReasonField))
    {
        Hint = "Say what was wrong and where the corrected figures come from. It is shown in the restatement register.",
        Rows = 3,
    };

    public string MethodSentence => BreakdownWords.MethodSentence(Current.Method);

    public string Format(decimal? value) => IndicatorDisplay.Number(value, Indicator.Unit, Indicator.DecimalPlaces);

    /// <summary>The input of a member (as posted, or as saved).</summary>
    public (int Index, FigureInput Input)? InputOf(int memberId) =>
        Rows.Select((r, n) => (n, r)).Where(x => x.r.MemberId == memberId).Select(x => ((int, FigureInput)?)x).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(int id, string period, CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (open.Outcome == Core.Editing.EditOutcome.Done && !await LoadAsync(id, period, fromSaved: true, ct))
        {
            return NotFound();
        }

        return await AnswerAsync(open, () => Page());
    }

    public async Task<IActionResult> OnPostAsync(int id, string period, CancellationToken ct)
    {
        if (!Period.TryFromCode(period, out var p))
        {
            return NotFound();
        }

        var input = new BreakdownValuesInput(p.Code, Rows.Select(r => new BreakdownValueInput(r.MemberId, r.Value, r.Commentary, r.Version)).ToList(), CorrectionReason);
        var result = await editor.SaveAsync(await LoadActorAsync(ct), id, input, ct);
        return await AnswerAsync(result, saved =>
        {
            Notification = $"The figures for {saved.Period.Format(YearStartMonth)} have been saved";
            return Redirect($"{OrgPath}/indicators/{id}?breakdownPeriod={saved.Period.Code}#breakdown");
        }, async () => await LoadAsync(id, period, fromSaved: false, ct), Differences);
    }

    /// <summary>Row errors go against the row's own fields ("row-2-value"), which the error summary links to.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors[field.StartsWith("rows[", StringComparison.Ordinal) ? field.Replace("rows[", "row-", StringComparison.Ordinal).Replace("].", "-", StringComparison.Ordinal) : field] = message;
        }
    }

    /// <summary>What someone else saved meanwhile, part by part, against this person's input; their versions taken on.</summary>
    private IReadOnlyList<ConflictRow> Differences(BreakdownPeriod now)
    {
        var rows = new List<ConflictRow>();
        foreach (var row in now.Rows)
        {
            if (InputOf(row.MemberId) is not { } mine)
            {
                continue;
            }

            var saved = Values.ValueWords.InputText(row.Value) ?? "";
            if (saved != (mine.Input.Value ?? "").Trim() || row.Commentary != mine.Input.Commentary)
            {
                rows.Add(new ConflictRow(row.Name, row.Value is null ? "No figure" : $"{IndicatorDisplay.Number(row.Value, now.Indicator.Unit, now.Indicator.DecimalPlaces)} {row.Commentary}".Trim(), $"{mine.Input.Value} {mine.Input.Commentary}".Trim()));
            }

            mine.Input.Version = row.ValueVersion;
        }

        return rows;
    }

    private async Task<bool> LoadAsync(int id, string period, bool fromSaved, CancellationToken ct)
    {
        if (!Period.TryFromCode(period, out var p) || await queries.PeriodAsync(id, p, ct) is not { } current)
        {
            return false;
        }

        Period = p;
        Current = current;
        Editable = current.Breakdown.Members.Where(m => BreakdownValueEditor.CanEnter(Actor, current.Indicator, m)).Select(m => m.Id).ToHashSet();
        if (fromSaved)
        {
            Rows = current.Rows.Where(r => Editable.Contains(r.MemberId)).Select(r => new FigureInput
            {
                MemberId = r.MemberId, Value = Values.ValueWords.InputText(r.Value), Commentary = r.Commentary, Version = r.ValueVersion,
            }).ToList();
        }

        var locks = await periodLock.LoadAsync(ct);
        LockedBy = locks.LockedBy(p);
        return true;
    }

    public static string Id(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"row-{index}-{field}");
}

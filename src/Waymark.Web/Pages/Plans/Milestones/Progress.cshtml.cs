using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Milestones;

/// <summary>
/// Record a quarter's progress on a milestone: the quarter (this one by default), on track, at risk, missed or late (with
/// the month it is now expected) or achieved (with the date), commentary, and what is being done about it. A second
/// report for a quarter replaces the first. Who may, and the rules, are <see cref="MilestoneProgressEditor"/>'s.
/// </summary>
public class ProgressModel(OrganisationScope scope, MilestoneProgressQueries queries, MilestoneProgressEditor editor, Waymark.Core.Corrections.PeriodLock periodLock)
    : MilestonePageModel(scope, queries)
{
    /// <summary>Why the progress of a locked quarter is being changed (<see cref="Waymark.Core.Corrections.LockRules"/>).</summary>
    [BindProperty]
    public string? CorrectionReason { get; set; }

    /// <summary>The quarters offered whose monitoring round has closed: a change to one is a correction.</summary>
    public IReadOnlyList<Period> LockedQuarters { get; private set; } = [];

    /// <summary>Whether the form asks for the reason for a correction: some quarter offered is locked, and the actor may correct it.</summary>
    public bool AsksReason { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>Where to go after saving (My return, for one): a local path only, else the milestone's page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string BackUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : MilestoneUrl;

    [BindProperty]
    public string? State { get; set; }

    [BindProperty(Name = "achievedOn-day")]
    public string? AchievedDay { get; set; }

    [BindProperty(Name = "achievedOn-month")]
    public string? AchievedMonth { get; set; }

    [BindProperty(Name = "achievedOn-year")]
    public string? AchievedYear { get; set; }

    [BindProperty]
    public string? RevisedMonth { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    [BindProperty]
    public string? Remedial { get; set; }

    /// <summary>The report already recorded for the chosen quarter, which saving replaces.</summary>
    public MilestoneProgress? Existing { get; private set; }

    /// <summary>Quarters that may be chosen: the plan's quarters begun by the organisation's today, newest first.</summary>
    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    public Period CurrentQuarter => Waymark.Core.Periods.Period.QuarterContaining(Today, YearStartMonth);

    public string? AchievedOnError { get; private set; }

    public IReadOnlySet<string> AchievedFieldsInError { get; private set; } = DateReading.NoFields;

    public CommentaryRule Rule => CommentaryRule.For(Organisation);

    public async Task<IActionResult> OnGetAsync(int id, int milestoneId, CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), id, milestoneId, ct);
        if (open.Record is null)
        {
            return await AnswerAsync(open, _ => Page());
        }

        if (await PrepareAsync(id, milestoneId, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } existing)
        {
            State = MilestoneRules.Code(existing.State);
            ShowAchievedOn(existing.AchievedOn);
            RevisedMonth = existing.RevisedMonth?.Format(YearStartMonth);
            Commentary = existing.Commentary;
            Remedial = existing.Remedial;
            Version = existing.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int milestoneId, CancellationToken ct)
    {
        if (await PrepareAsync(id, milestoneId, ct) is { } refused)
        {
            return refused;
        }

        var achieved = DateReading.Read(new DateParts(AchievedDay, AchievedMonth, AchievedYear), "The date it was achieved");
        var input = new MilestoneProgressInput(Period, State, achieved.Date, RevisedMonth, Commentary, Version == Guid.Empty ? null : Version) { Remedial = Remedial, CorrectionReason = CorrectionReason };
        var result = await editor.RecordAsync(Actor, id, milestoneId, input, ct);
        if (achieved.Error is not null && result.Outcome == Waymark.Core.Editing.EditOutcome.Invalid && MilestoneRules.Read(State) == MilestoneState.Achieved)
        {
            // A date that cannot be read is shown with the reading's own words, against the fields in error.
            ShowErrors(result.Errors!.Where(e => e.Key != MilestoneFields.AchievedOn).ToDictionary());
            AchievedOnError = achieved.Error;
            AchievedFieldsInError = achieved.FieldsInError;
            Errors[DateReading.FirstFieldId(MilestoneFields.AchievedOn, achieved.FieldsInError)] = achieved.Error;
            return Page();
        }

        MilestoneProgress? theirs = null;
        return await AnswerAsync(result, saved =>
        {
            Notification = $"Recorded {MilestoneRules.Text(saved.State).ToLowerInvariant()} for {saved.Period.Format(YearStartMonth)}";
            return Redirect(BackUrl);
        }, reload: () =>
        {
            if (theirs is not null)
            {
                Existing = theirs;
            }

            return Task.CompletedTask;
        }, differences: current =>
        {
            theirs = current;
            return
            [
                new ConflictRow("Recorded by", $"{current.EnteredByName}, {UkTime.DateAndTime(current.EnteredAt)}", "You (not saved yet)"),
                new ConflictRow("Progress", MilestoneRules.Summary(current, YearStartMonth), State),
                new ConflictRow("Commentary", current.Commentary, Commentary?.Trim()),
            ];
        });
    }

    /// <summary>The editor's errors by their fields; the date achieved's against its first field.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            if (field == MilestoneFields.AchievedOn)
            {
                AchievedOnError = message;
                AchievedFieldsInError = DateReading.AllFields;
                Errors[DateReading.FirstFieldId(MilestoneFields.AchievedOn, DateReading.AllFields)] = message;
            }
            else
            {
                Errors[field == "version" ? MilestoneFields.State : field] = message;
            }
        }
    }

    /// <summary>A refusal against the state (the form has no field of its own for it).</summary>
    protected override void ShowRefusal(string reason) => Errors[MilestoneFields.State] = reason;

    private async Task<IActionResult?> PrepareAsync(int id, int milestoneId, CancellationToken ct)
    {
        if (await LoadAsync(id, milestoneId, ct) is { } refused)
        {
            return refused;
        }

        Quarters = ActionRules.RecordableQuarters(Plan, YearStartMonth, Today);
        if (HttpMethods.IsGet(Request.Method))
        {
            // The form opens on the quarter asked for, else this quarter, else the plan's latest begun quarter.
            var current = CurrentQuarter;
            Period = Waymark.Core.Periods.Period.TryFromCode(Period, out var chosen) && Quarters.Contains(chosen) ? chosen.Code
                : Quarters.Contains(current) ? current.Code : Quarters.Count > 0 ? Quarters[0].Code : current.Code;
        }

        var locks = await periodLock.LoadAsync(ct);
        LockedQuarters = Quarters.Where(q => locks.LockedBy(q) is not null).ToList();
        AsksReason = LockedQuarters.Any(q => locks.AsksForReason(Actor, q, Plan.UnitId));
        Existing = History.Reports.FirstOrDefault(r => r.Period.Code == Period);
        return null;
    }

    private void ShowAchievedOn(DateOnly? date)
    {
        AchievedDay = date?.Day.ToString(CultureInfo.InvariantCulture);
        AchievedMonth = date?.Month.ToString(CultureInfo.InvariantCulture);
        AchievedYear = date?.Year.ToString(CultureInfo.InvariantCulture);
    }
}

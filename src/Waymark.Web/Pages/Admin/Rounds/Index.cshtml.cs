using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Admin.Rounds;

/// <summary>
/// The organisation's round settings (<see cref="RoundSettingsEditor"/>): the defaults a new round starts from, when owners
/// are told a round is closing, and its changes to the England and Wales bank holidays, listed for a chosen year.
/// </summary>
public class IndexModel(OrganisationScope scope, RoundSettingsEditor editor) : EditorPageModel(scope)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [BindProperty]
    public string? ReturnsWorkingDays { get; set; }

    [BindProperty]
    public string? SignOffWorkingDays { get; set; }

    [BindProperty]
    public string? GraceDays { get; set; }

    [BindProperty]
    public string? AutoCloseDays { get; set; }

    [BindProperty]
    public string? ClosingSoonDays { get; set; }

    /// <summary>The year whose bank holidays are listed (the organisation's current year by default).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(Name = "date-day")]
    public string? ChangeDay { get; set; }

    [BindProperty(Name = "date-month")]
    public string? ChangeMonth { get; set; }

    [BindProperty(Name = "date-year")]
    public string? ChangeYear { get; set; }

    /// <summary>"closure" (a day added) or "worked" (a bank holiday the organisation works).</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? ChangeId { get; set; }

    [TempData]
    public string? Notification { get; set; }

    public string? DateError { get; private set; }

    public IReadOnlySet<string> DateFieldsInError { get; private set; } = DateReading.NoFields;

    public IReadOnlyList<HolidayRow> Holidays { get; private set; } = [];

    public int ShownYear => Year is >= 1990 and <= 2100 ? Year.Value : Today.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await editor.OpenAsync(await LoadActorAsync(ct), ct);
        if (result.Outcome == Waymark.Core.Editing.EditOutcome.Done)
        {
            await LoadHolidaysAsync(ct);
        }

        return await AnswerAsync(result, organisation =>
        {
            Show(organisation);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new RoundSettingsInput(ReturnsWorkingDays, SignOffWorkingDays, GraceDays, AutoCloseDays, ClosingSoonDays);
        var result = await editor.SaveAsync(await LoadActorAsync(ct), Version, input, ct);
        return await AnswerAsync(result, () =>
        {
            Notification = "The round settings have been saved";
            return Redirect($"{OrgPath}/admin/rounds");
        }, () => LoadHolidaysAsync(ct), saved => ConflictRow.Differing(
            new ConflictRow("Returns due after (working days)", Number(saved.ReturnsWorkingDays), ReturnsWorkingDays),
            new ConflictRow("Sign-off due after (working days)", Number(saved.SignOffWorkingDays), SignOffWorkingDays),
            new ConflictRow("Grace days", Number(saved.RoundGraceDays), GraceDays),
            new ConflictRow("Closes by itself after (days)", saved.RoundAutoCloseDays is { } days ? Number(days) : null, AutoCloseDays),
            new ConflictRow("Closing soon notice (working days before)", Number(saved.ClosingSoonWorkingDays), ClosingSoonDays)));
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var opened = await editor.OpenAsync(actor, ct);
        if (opened.Outcome != Waymark.Core.Editing.EditOutcome.Done)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        Show(opened.Record!, keepChange: true);
        var reading = DateReading.Read(new DateParts(ChangeDay, ChangeMonth, ChangeYear), "The date");
        if (reading.Error is not null || Kind is not ("closure" or "worked"))
        {
            if (reading.Error is { } error)
            {
                ShowDateError(error, reading.FieldsInError);
            }

            if (Kind is not ("closure" or "worked"))
            {
                Errors[RoundSettingsFields.Kind] = "Choose whether the day is a closure day or a bank holiday the organisation works";
            }

            await LoadHolidaysAsync(ct);
            return Page();
        }

        var result = await editor.AddChangeAsync(actor, new BankHolidayChangeInput(reading.Date, Kind == "closure", Name), ct);
        return await AnswerAsync(result, change =>
        {
            Notification = change.IsHoliday
                ? $"{WorkingDays.Describe(change.Date)} has been added as a closure day"
                : $"{WorkingDays.Describe(change.Date)} is now a working day for the organisation";
            return Redirect(YearUrl(change.Date.Year));
        }, () => LoadHolidaysAsync(ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var result = await editor.RemoveChangeAsync(await LoadActorAsync(ct), ChangeId ?? 0, ct);
        return await AnswerRemovalAsync(result, () =>
        {
            Notification = result.Record is { } change ? $"The change for {WorkingDays.Describe(change.Date)} has been removed" : null;
            return Redirect(YearUrl(result.Record?.Date.Year ?? ShownYear));
        });
    }

    /// <summary>The editor's errors by their fields; the date's against its first field.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            if (field == RoundSettingsFields.Date)
            {
                ShowDateError(message, DateReading.AllFields);
            }
            else
            {
                Errors[field == "version" ? RoundSettingsFields.ReturnsWorkingDays : field] = message;
            }
        }
    }

    private void ShowDateError(string message, IReadOnlySet<string> fields)
    {
        DateError = message;
        DateFieldsInError = fields;
        Errors[DateReading.FirstFieldId(RoundSettingsFields.Date, fields)] = message;
    }

    private string YearUrl(int year) => string.Create(Invariant, $"{OrgPath}/admin/rounds?year={year}#bank-holidays");

    private void Show(Organisation organisation, bool keepChange = false)
    {
        Version = organisation.Version;
        ReturnsWorkingDays = Number(organisation.ReturnsWorkingDays);
        SignOffWorkingDays = Number(organisation.SignOffWorkingDays);
        GraceDays = Number(organisation.RoundGraceDays);
        AutoCloseDays = organisation.RoundAutoCloseDays is { } days ? Number(days) : null;
        ClosingSoonDays = Number(organisation.ClosingSoonWorkingDays);
        if (!keepChange)
        {
            Kind = "closure";
        }
    }

    private async Task LoadHolidaysAsync(CancellationToken ct) => Holidays = await editor.CalendarAsync(ShownYear, ct);

    private static string Number(int value) => value.ToString(Invariant);
}

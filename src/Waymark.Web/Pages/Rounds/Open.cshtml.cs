using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>
/// Open a monitoring round: choose the period (the quarter just ended by default), then its deadlines, pre-filled from the
/// organisation's working-day settings for that period and editable, grace days and auto-close days.
/// </summary>
public class OpenModel(OrganisationScope scope, RoundEditor editor) : EditorPageModel(scope)
{
    /// <summary>The period's code ("Q2011-10"); chosen by the GET form, carried by the POST form.</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? Period { get; set; }

    [BindProperty(Name = RoundFields.ReturnsDeadline + "-day")]
    public string? ReturnsDay { get; set; }

    [BindProperty(Name = RoundFields.ReturnsDeadline + "-month")]
    public string? ReturnsMonth { get; set; }

    [BindProperty(Name = RoundFields.ReturnsDeadline + "-year")]
    public string? ReturnsYear { get; set; }

    [BindProperty(Name = RoundFields.SignOffDeadline + "-day")]
    public string? SignOffDay { get; set; }

    [BindProperty(Name = RoundFields.SignOffDeadline + "-month")]
    public string? SignOffMonth { get; set; }

    [BindProperty(Name = RoundFields.SignOffDeadline + "-year")]
    public string? SignOffYear { get; set; }

    [BindProperty(Name = RoundFields.GraceDays)]
    public string? GraceDays { get; set; }

    [BindProperty(Name = RoundFields.AutoCloseDays)]
    public string? AutoCloseDays { get; set; }

    public OpenRoundForm? Form { get; private set; }

    /// <summary>The date inputs' errors and the fields they are about.</summary>
    public Dictionary<string, (string Message, IReadOnlySet<string> Fields)> DateErrors { get; } = [];

    public PeriodChoice? Chosen => Form?.Choices.FirstOrDefault(c => c.Period == Form.Chosen);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var open = await editor.OpenFormAsync(await LoadActorAsync(ct), Period, ct);
        return await AnswerAsync(open, form =>
        {
            Show(form);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var returns = DateReading.Read(new DateParts(ReturnsDay, ReturnsMonth, ReturnsYear), "The returns deadline");
        var signOff = DateReading.Read(new DateParts(SignOffDay, SignOffMonth, SignOffYear), "The sign-off deadline");
        if (returns.Error is not null || signOff.Error is not null)
        {
            ShowDateError(RoundFields.ReturnsDeadline, returns.Error, returns.FieldsInError);
            ShowDateError(RoundFields.SignOffDeadline, signOff.Error, signOff.FieldsInError);
            return await AnswerAsync(await editor.OpenFormAsync(actor, Period, ct), form =>
            {
                Form = form;
                return Page();
            });
        }

        var input = new OpenRoundInput(Period, returns.Date, signOff.Date, GraceDays, AutoCloseDays);
        return await AnswerAsync(await editor.OpenAsync(actor, input, ct), round =>
        {
            TempData["Notification"] = $"The {round.Title(YearStartMonth)} is open: {Display.Count(round.Returns.Count, "return", "returns")} to make";
            return Redirect($"{OrgPath}/rounds/{round.Id}");
        }, reload: async () => Form = (await editor.OpenFormAsync(actor, Period, ct)).Record);
    }

    /// <summary>The editor's errors; a deadline's (judged as a whole) against its date input.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string[] dates = [RoundFields.ReturnsDeadline, RoundFields.SignOffDeadline];
        base.ShowErrors(errors.Where(e => !dates.Contains(e.Key)).ToDictionary());
        foreach (var field in dates)
        {
            if (errors.TryGetValue(field, out var message))
            {
                ShowDateError(field, message, DateReading.AllFields);
            }
        }
    }

    private void ShowDateError(string field, string? message, IReadOnlySet<string> fields)
    {
        if (message is null)
        {
            return;
        }

        DateErrors[field] = (message, fields);
        Errors[DateReading.FirstFieldId(field, fields)] = message;
    }

    public DateInput DateInputFor(string field, string legend, DateParts parts, string hint)
    {
        var error = DateErrors.GetValueOrDefault(field);
        return new DateInput(field, legend, parts, error.Message, error.Fields ?? DateReading.NoFields) { Hint = hint };
    }

    private void Show(OpenRoundForm form)
    {
        Form = form;
        Period = form.Chosen.Code;
        (ReturnsDay, ReturnsMonth, ReturnsYear) = Parts(form.Deadlines.Returns);
        (SignOffDay, SignOffMonth, SignOffYear) = Parts(form.Deadlines.SignOff);
        GraceDays = form.GraceDays.ToString(CultureInfo.InvariantCulture);
        AutoCloseDays = form.AutoCloseDays?.ToString(CultureInfo.InvariantCulture);
    }

    private static (string, string, string) Parts(DateOnly date) => (
        date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));
}

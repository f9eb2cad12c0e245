using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Values;

/// <summary>
/// The owner's side of a query: answer it with a note, leaving the value as it is, or correct the value with a note
/// (<see cref="ValueVerificationEditor"/>). Either way the value goes back to the verify queue.
/// </summary>
public class AnswerModel(OrganisationScope scope, IndicatorQueries indicators, ValueVerificationQueries queries, ValueVerificationEditor editor)
    : ValueConversationPageModel(scope, indicators, queries)
{
    /// <summary>The correction form's ids start with this, so that its fields and the answer's note never share an id.</summary>
    public const string CorrectPrefix = "correct-";

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public bool NotAvailable { get; set; }

    [BindProperty]
    public string? NotAvailableReason { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    [BindProperty]
    public string? CorrectionNote { get; set; }

    /// <summary>Set by the correction's handler: its errors go against its own fields.</summary>
    private bool correcting;

    protected override string DefaultBackUrl => $"{OrgPath}/my-updates";

    public ValueFields CorrectionFields => new(CorrectPrefix, "", $"{ValueWords.ShortName(Indicator)} for {Period.Format(YearStartMonth)}",
        Row?.Definition.Unit ?? Indicator.Unit, Value, NotAvailable, NotAvailableReason, Commentary, Errors) { CommentaryRows = 3 };

    public async Task<IActionResult> OnGetAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, () => editor.OpenAnswerAsync(Actor, id, period, ct), ct) is { } answer)
        {
            return answer;
        }

        if (Value is null && Row?.Value is { } saved)
        {
            Value = ValueWords.InputText(saved.Value);
            NotAvailable = saved.IsNotAvailable;
            NotAvailableReason = saved.NotAvailableReason;
            Commentary = saved.Commentary;
            Version = saved.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, () => editor.OpenAnswerAsync(Actor, id, period, ct), ct) is { } answer)
        {
            return answer;
        }

        var result = await editor.AnswerAsync(Actor, id, period, Note, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: () =>
        {
            Notification = $"Answered the query on {Name}: it is back with the verifiers";
            return Redirect(BackUrl);
        }, differences: Differences);
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, () => editor.OpenAnswerAsync(Actor, id, period, ct), ct) is { } answer)
        {
            return answer;
        }

        correcting = true;
        var input = new ValueCorrectionInput(Value, NotAvailable, NotAvailableReason, Commentary, CorrectionNote, Version == Guid.Empty ? null : Version);
        var result = await editor.CorrectAsync(Actor, id, period, input, ct);
        return await AnswerAsync(result, done: () =>
        {
            Notification = $"Corrected {Name}: it is back with the verifiers";
            return Redirect(BackUrl);
        }, differences: Differences);
    }

    /// <summary>The correction's errors against its own fields; the answer's against its note.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            var field = key switch
            {
                "version" => correcting ? CorrectPrefix + ValueQueryFields.Note : ValueQueryFields.Note,
                ValueQueryFields.Note => correcting ? CorrectPrefix + ValueQueryFields.Note : ValueQueryFields.Note,
                _ => ValueFields.FieldId(CorrectPrefix, key),
            };
            Errors[field] = key == "version" ? "The form did not say which version of the value you saw: open the page again" : message;
        }
    }
}

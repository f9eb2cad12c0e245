using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Corrections.Exceptions;

/// <summary>Grant a lock exception: the unit, optionally one person, from and until, and why (<see cref="LockExceptionEditor"/>).</summary>
public class NewModel(OrganisationScope scope, LockExceptionEditor editor, FrameworkChoiceQueries choiceQueries) : EditorPageModel(scope)
{
    public const string Anyone = "Anyone who updates the unit\u2019s records";

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? PersonId { get; set; }

    [BindProperty(Name = "from-day")]
    public string? FromDay { get; set; }

    [BindProperty(Name = "from-month")]
    public string? FromMonth { get; set; }

    [BindProperty(Name = "from-year")]
    public string? FromYear { get; set; }

    [BindProperty(Name = "until-day")]
    public string? UntilDay { get; set; }

    [BindProperty(Name = "until-month")]
    public string? UntilMonth { get; set; }

    [BindProperty(Name = "until-year")]
    public string? UntilYear { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public IReadOnlyList<SelectOption> UnitOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> PersonOptions { get; private set; } = [];

    public DateReading From { get; private set; } = new(null, null, DateReading.NoFields);

    public DateReading Until { get; private set; } = new(null, null, DateReading.NoFields);

    public string ExceptionsPath => $"{OrgPath}/corrections/exceptions";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (LockExceptionEditor.Refusal(await LoadActorAsync(ct)) is { } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        From = DateReading.Read(new DateParts(FromDay, FromMonth, FromYear), "The start date");
        Until = DateReading.Read(new DateParts(UntilDay, UntilMonth, UntilYear), "The end date");
        if (LockExceptionEditor.Refusal(Actor) is null && (From.Error ?? Until.Error) is not null)
        {
            if (From.Error is { } fromError)
            {
                Errors[From.FirstFieldId("from")!] = fromError;
            }

            if (Until.Error is { } untilError)
            {
                Errors[Until.FirstFieldId("until")!] = untilError;
            }

            await LoadChoicesAsync(ct);
            return Page();
        }

        var result = await editor.GrantAsync(Actor, new LockExceptionInput(UnitId, PersonId, From.Date, Until.Date, Reason), ct);
        return await AnswerAsync(result, granted =>
        {
            Notification = $"Granted a lock exception until {LockRules.Date(granted.Until)}";
            return Redirect(ExceptionsPath);
        }, reload: () => LoadChoicesAsync(ct));
    }

    /// <summary>The editor's errors against this form's fields (a date's against its day).</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            switch (field)
            {
                case LockExceptionFields.Until:
                    Until = Until with { Error = message, FieldsInError = DateReading.AllFields };
                    Errors["until-day"] = message;
                    break;
                case LockExceptionFields.From:
                    From = From with { Error = message, FieldsInError = DateReading.AllFields };
                    Errors["from-day"] = message;
                    break;
                default:
                    Errors[field] = message;
                    break;
            }
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var all = await choiceQueries.ChoicesAsync(ct);
        UnitOptions = all.Units.Select(u => new SelectOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Path)).ToList();
        PersonOptions = all.People.Where(p => p.Kind == Waymark.Core.Units.PersonKind.Officer)
            .Select(p => new SelectOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name)).ToList();
    }
}

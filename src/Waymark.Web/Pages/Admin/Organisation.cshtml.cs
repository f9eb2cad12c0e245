using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>The organisation's own settings, changed through <see cref="OrganisationEditor"/>.</summary>
public class OrganisationModel(OrganisationScope scope, OrganisationEditor editor) : EditorPageModel(scope)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public string? StartMonth { get; set; }

    [BindProperty]
    public bool PublishFramework { get; set; }

    /// <summary>Days after a period ends that its values fall due (0–365), as typed.</summary>
    [BindProperty]
    public string? ValuesDueDays { get; set; }

    /// <summary>The date the organisation runs as at (demonstration and training councils), as typed; all empty for none.</summary>
    [BindProperty(Name = "as-at-day")]
    public string? AsAtDay { get; set; }

    [BindProperty(Name = "as-at-month")]
    public string? AsAtMonth { get; set; }

    [BindProperty(Name = "as-at-year")]
    public string? AsAtYear { get; set; }

    /// <summary>The as-at date's error, shown by its date input, and the fields it is about.</summary>
    public string? AsAtError { get; private set; }

    public IReadOnlySet<string> AsAtFieldsInError { get; private set; } = DateReading.NoFields;

    /// <summary>The R/A/G key in the organisation's words; blank fields print Waymark's.</summary>
    [BindProperty]
    public string? RagKeyTitle { get; set; }

    [BindProperty]
    public string? RagKeyNote { get; set; }

    [BindProperty]
    public string? RagKeyRed { get; set; }

    [BindProperty]
    public string? RagKeyAmber { get; set; }

    [BindProperty]
    public string? RagKeyGreen { get; set; }

    /// <summary>Commentary rules: a Red or Amber entry needs commentary; a Red one, what is being done about it.</summary>
    [BindProperty]
    public bool CommentaryWhenRedOrAmber { get; set; }

    [BindProperty]
    public bool RemedialWhenRed { get; set; }

    // What the form showed, so that a refused save can say what someone else changed.
    [BindProperty]
    public string? OriginalName { get; set; }

    [BindProperty]
    public string? OriginalShortName { get; set; }

    [BindProperty]
    public string? OriginalYearStartMonth { get; set; }

    [BindProperty]
    public bool OriginalPublishFramework { get; set; }

    [BindProperty]
    public string? OriginalValuesDueDays { get; set; }

    [BindProperty]
    public string? OriginalAsAt { get; set; }

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await AnswerAsync(await editor.OpenAsync(await LoadActorAsync(ct), ct), organisation =>
        {
            Show(organisation);
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var asAt = DateReading.Read(new DateParts(AsAtDay, AsAtMonth, AsAtYear), "The date it runs as at");
        if (asAt.Error is not null)
        {
            await LoadActorAsync(ct);
            ShowAsAtError(asAt.Error, asAt.FieldsInError);
            return Page();
        }

        var input = new OrganisationSettingsInput(Name, ShortName, StartMonth, PublishFramework, ValuesDueDays, asAt.Date)
        {
            RagKey = new RagKeyInput(RagKeyTitle, RagKeyNote, RagKeyRed, RagKeyAmber, RagKeyGreen),
            Commentary = new CommentaryRule(CommentaryWhenRedOrAmber, RemedialWhenRed),
        };
        var result = await editor.UpdateSettingsAsync(await LoadActorAsync(ct), Version, input, ct);
        return await AnswerAsync(result, () =>
        {
            Notification = "The organisation's settings have been saved";
            return RedirectToPage();
        }, differences: current =>
        {
            RefuseStaleSave(current);
            return [];
        });
    }

    /// <summary>The editor's errors; the as-at date's (judged as a whole) against its date input.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        base.ShowErrors(errors.Where(e => e.Key != OrganisationFields.AsAt).ToDictionary());
        if (errors.TryGetValue(OrganisationFields.AsAt, out var asAt))
        {
            ShowAsAtError(asAt, DateReading.AllFields);
        }
    }

    /// <summary>In the error summary under its first field in error (GOV.UK: an input, not the group of three).</summary>
    private void ShowAsAtError(string message, IReadOnlySet<string> fieldsInError)
    {
        AsAtError = message;
        AsAtFieldsInError = fieldsInError;
        Errors[DateReading.FirstFieldId(OrganisationFields.AsAt, fieldsInError)] = message;
    }

    private void RefuseStaleSave(Organisation current)
    {
        var changes = new List<string>();
        if (OriginalName != current.Name)
        {
            changes.Add($"the name is now \u201c{current.Name}\u201d");
        }

        if (OriginalShortName != current.ShortName)
        {
            changes.Add($"the short name is now \u201c{current.ShortName}\u201d");
        }

        if (OriginalYearStartMonth != Month(current.YearStartMonth))
        {
            changes.Add($"the financial year now starts in {AdminText.MonthNames[current.YearStartMonth - 1]}");
        }

        if (OriginalPublishFramework != current.PublishFramework)
        {
            changes.Add(current.PublishFramework ? "the framework is now published" : "the framework is no longer published");
        }

        if (OriginalValuesDueDays != Number(current.ValuesDueDays))
        {
            changes.Add($"values now fall due {Number(current.ValuesDueDays)} days after a period ends");
        }

        if (OriginalAsAt != IsoDate(current.AsAt))
        {
            changes.Add(current.AsAt is { } asAt ? $"it now runs as at {asAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : "it now runs at today's date");
        }

        var what = changes.Count == 0 ? "the settings were saved" : string.Join("; ", changes);
        Errors["name"] = $"Someone else changed these settings while you were editing: {what}. Your changes have not been saved yet: check them and save again";
        Version = current.Version;
        OriginalName = current.Name;
        OriginalShortName = current.ShortName;
        OriginalYearStartMonth = Month(current.YearStartMonth);
        OriginalPublishFramework = current.PublishFramework;
        OriginalValuesDueDays = Number(current.ValuesDueDays);
        OriginalAsAt = IsoDate(current.AsAt);
    }

    private void Show(Organisation organisation)
    {
        Name = OriginalName = organisation.Name;
        ShortName = OriginalShortName = organisation.ShortName;
        StartMonth = OriginalYearStartMonth = Month(organisation.YearStartMonth);
        PublishFramework = OriginalPublishFramework = organisation.PublishFramework;
        ValuesDueDays = OriginalValuesDueDays = Number(organisation.ValuesDueDays);
        AsAtDay = organisation.AsAt?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AsAtMonth = organisation.AsAt?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AsAtYear = organisation.AsAt?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        OriginalAsAt = IsoDate(organisation.AsAt);
        (RagKeyTitle, RagKeyNote, RagKeyRed, RagKeyAmber, RagKeyGreen) =
            (organisation.RagKeyTitle, organisation.RagKeyNote, organisation.RagKeyRed, organisation.RagKeyAmber, organisation.RagKeyGreen);
        (CommentaryWhenRedOrAmber, RemedialWhenRed) = (organisation.CommentaryWhenRedOrAmber, organisation.RemedialWhenRed);
        Version = organisation.Version;
    }

    private static string Month(int month) => month.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

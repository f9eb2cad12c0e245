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
        var input = new OrganisationSettingsInput(Name, ShortName, StartMonth, PublishFramework, ValuesDueDays)
        {
            RagKey = new RagKeyInput(RagKeyTitle, RagKeyNote, RagKeyRed, RagKeyAmber, RagKeyGreen),
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

        var what = changes.Count == 0 ? "the settings were saved" : string.Join("; ", changes);
        Errors["name"] = $"Someone else changed these settings while you were editing: {what}. Your changes have not been saved yet: check them and save again";
        Version = current.Version;
        OriginalName = current.Name;
        OriginalShortName = current.ShortName;
        OriginalYearStartMonth = Month(current.YearStartMonth);
        OriginalPublishFramework = current.PublishFramework;
        OriginalValuesDueDays = Number(current.ValuesDueDays);
    }

    private void Show(Organisation organisation)
    {
        Name = OriginalName = organisation.Name;
        ShortName = OriginalShortName = organisation.ShortName;
        StartMonth = OriginalYearStartMonth = Month(organisation.YearStartMonth);
        PublishFramework = OriginalPublishFramework = organisation.PublishFramework;
        ValuesDueDays = OriginalValuesDueDays = Number(organisation.ValuesDueDays);
        (RagKeyTitle, RagKeyNote, RagKeyRed, RagKeyAmber, RagKeyGreen) =
            (organisation.RagKeyTitle, organisation.RagKeyNote, organisation.RagKeyRed, organisation.RagKeyAmber, organisation.RagKeyGreen);
        Version = organisation.Version;
    }

    private static string Month(int month) => month.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>The organisation's own settings. Every save is audited by the DbContext.</summary>
public class OrganisationModel(OrganisationScope scope, WaymarkDbContext db) : OrganisationPageModel(scope)
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

    [BindProperty]
    public Guid Version { get; set; }

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

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Show(await LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? string.Empty;
        var shortName = ShortName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Errors["name"] = "Enter the organisation's name";
        }
        else if (name.Length > 200)
        {
            Errors["name"] = "Name must be 200 characters or fewer";
        }

        if (shortName.Length == 0)
        {
            Errors["short-name"] = "Enter a short name";
        }
        else if (shortName.Length > 60)
        {
            Errors["short-name"] = "Short name must be 60 characters or fewer";
        }

        var month = Users.NewModel.ParseId(StartMonth);
        if (month is not (>= 1 and <= 12))
        {
            Errors["year-start-month"] = "Select the month the financial year starts in";
        }

        var dueText = ValuesDueDays?.Trim() ?? string.Empty;
        int dueDays = 0;
        if (dueText.Length == 0)
        {
            Errors["values-due-days"] = "Enter how many days after a period ends its values fall due";
        }
        else if (!int.TryParse(dueText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out dueDays))
        {
            Errors["values-due-days"] = "The number of days must be a whole number, like 30";
        }
        else if (dueDays > MaxValuesDueDays)
        {
            Errors["values-due-days"] = $"The number of days must be between 0 and {MaxValuesDueDays}";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var organisation = await LoadAsync(ct);
        if (organisation.Version != Version)
        {
            return RefuseStaleSave(organisation);
        }

        organisation.Name = name;
        organisation.ShortName = shortName;
        organisation.YearStartMonth = month!.Value;
        organisation.PublishFramework = PublishFramework;
        organisation.ValuesDueDays = dueDays;
        // Compare against the version the form was shown with, so a change saved meanwhile is not overwritten.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RefuseStaleSave(await LoadAsync(ct));
        }

        Notification = "The organisation's settings have been saved";
        return RedirectToPage();
    }

    private PageResult RefuseStaleSave(Organisation current)
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
        return Page();
    }

    private void Show(Organisation organisation)
    {
        Name = OriginalName = organisation.Name;
        ShortName = OriginalShortName = organisation.ShortName;
        StartMonth = OriginalYearStartMonth = Month(organisation.YearStartMonth);
        PublishFramework = OriginalPublishFramework = organisation.PublishFramework;
        ValuesDueDays = OriginalValuesDueDays = Number(organisation.ValuesDueDays);
        Version = organisation.Version;
    }

    // The scope's copy is not tracked; edits go through one that is.
    private Task<Organisation> LoadAsync(CancellationToken ct) =>
        db.Organisations.SingleAsync(o => o.Id == Organisation.Id, ct);

    private static string Month(int month) => month.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The most days after a period's end that values may fall due: a year.</summary>
    public const int MaxValuesDueDays = 365;
}

using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;

namespace Waymark.Web.Pages.Admin;

/// <summary>The exception settings: which kinds the exceptions page and reports list, and N of "Red for N periods".</summary>
public class ExceptionsModel(OrganisationScope scope, ExceptionSettingsEditor editor) : EditorPageModel(scope)
{
    /// <summary>The codes of the kinds turned on.</summary>
    [BindProperty(Name = "kinds")]
    public List<string> Kinds { get; set; } = [];

    [BindProperty(Name = "red-periods")]
    public string? RedPeriods { get; set; }

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
        var result = await editor.UpdateAsync(await LoadActorAsync(ct), Version, new ExceptionSettingsInput(Kinds, RedPeriods), ct);
        return await AnswerAsync(result, () =>
        {
            Notification = "The exception settings have been saved";
            return RedirectToPage();
        }, differences: _ => []);
    }

    private void Show(Organisation organisation)
    {
        var settings = ExceptionSettings.For(organisation);
        Kinds = Enum.GetValues<ExceptionKind>().Where(settings.IsOn).Select(ExceptionRules.Code).ToList();
        RedPeriods = settings.RedPeriods.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Version = organisation.Version;
    }
}

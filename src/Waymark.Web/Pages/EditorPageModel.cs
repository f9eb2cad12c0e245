using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages;

/// <summary>
/// A page that changes records: its field errors (field id → message, for the error summary), the
/// 403 page that says why, and what someone else saved when a save met a newer version.
/// </summary>
public abstract class EditorPageModel(OrganisationScope scope) : OrganisationPageModel(scope)
{
    /// <summary>The record's version when the form was shown; the save is refused if it has moved on.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set when the per-record rule refuses: the page shows this instead of the form, with status 403.</summary>
    public string? DeniedReason { get; private set; }

    /// <summary>Set when someone else saved first: the differences, shown above the form that keeps the input.</summary>
    public IReadOnlyList<ConflictRow>? Conflict { get; protected set; }

    /// <summary>"Error: " before the title when the form has errors or met a conflict (GOV.UK pattern).</summary>
    public string TitlePrefix => Errors.Count > 0 || Conflict is not null ? "Error: " : "";

    protected IActionResult Deny(string reason)
    {
        DeniedReason = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>
    /// Values that could not be read at all ("abc" for a number) become errors against their field,
    /// rather than being taken as empty.
    /// </summary>
    protected void AddBindingErrors(string message = "Choose an option from the list")
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0 && key != nameof(Version))
            {
                Errors[JsonNamingPolicy.CamelCase.ConvertName(key)] = message;
            }
        }

        if (ModelState.TryGetValue(nameof(Version), out var version) && version.Errors.Count > 0)
        {
            Errors["version"] = "The form was damaged: open the page again";
        }
    }
}

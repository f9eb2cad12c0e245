using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>The start of administration: links to what this member may manage here.</summary>
public class IndexModel(OrganisationScope scope) : OrganisationPageModel(scope)
{
    public bool Users { get; private set; }

    public bool Settings { get; private set; }

    public bool Levels { get; private set; }

    public bool PlanTemplates { get; private set; }

    public bool Messages { get; private set; }

    public bool Places { get; private set; }

    /// <summary>Why e-mail is not sent, when it is not configured (administrators are told on this page).</summary>
    public string? MailNotConfigured { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Users = Permissions.CanManageUsers(actor);
        Settings = Permissions.CanManageOrganisation(actor);
        Levels = Permissions.CanManageLevels(actor);
        PlanTemplates = Permissions.CanManagePlanTemplates(actor);
        Messages = Permissions.CanManageMessages(actor);
        Places = Permissions.CanManagePlaces(actor);
        MailNotConfigured = Messages ? HttpContext.RequestServices.GetRequiredService<Waymark.Core.Messages.MailSettings>().NotConfiguredReason : null;
        return Users || Settings || Levels || PlanTemplates ? Page() : Forbid();
    }
}

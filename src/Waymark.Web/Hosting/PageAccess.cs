using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Waymark.Web.Accounts;

namespace Waymark.Web.Hosting;

/// <summary>
/// Who may open which pages, by folder (the folder follows the URL: <c>/{org}/indicators/…</c> is
/// <c>Pages/Indicators/**</c>). A page takes the policy of the nearest folder listed (a subfolder's rule replaces its
/// parent's), then any rule for the page itself. Pages not listed need sign-in (the fallback policy); the public pages
/// are listed as such and show only published content. Which records, and which changes, are then checked per record
/// by the Core editors (<c>Permissions</c>).
/// </summary>
internal static class PageAccess
{
    private static readonly string[] PublicPages =
    [
        "/Index", "/Accessibility", "/Error", "/Account/SignIn", "/Account/SignInTwoFactor",
        "/Organisations/Overview", "/Framework/Index", "/Framework/Objective",
    ];

    /// <summary>Folder → policy; the nearest listed folder of a page applies.</summary>
    private static readonly (string Folder, string Policy)[] Folders =
    [
        ("/Units", Policies.Member),
        ("/Units/Edit", Policies.ManageStructure),
        ("/Framework/Edit", Policies.EditFramework),
        ("/Indicators", Policies.Member),
        ("/HealthCard", Policies.Member),
        // Which indicators, and which targets, are checked per indicator (Permissions.CanManageIndicator).
        ("/Indicators/Edit", Policies.ManageIndicators),
        // Values import: anyone who may enter some values; definitions and targets are checked on the page, each row per indicator.
        ("/Indicators/Import", Policies.EnterValues),
        // Entering values (one value, My updates); which indicators, per record (IndicatorValueEditor).
        ("/Indicators/Values", Policies.EnterValues),
        ("/Indicators/Verify", Policies.VerifyValues),
        // Which plans a member may read (by state) and change (by unit, while a draft) is checked per plan.
        ("/Plans", Policies.ReadPlans),
        ("/Plans/Edit", Policies.CreatePlans),
        // Submit, approve, publish, return to draft, roll forward: who may, per plan and step (PlanWorkflowRules).
        ("/Plans/Workflow", Policies.Member),
        // Reading the plan, editing it (drafts) and recording progress are checked per action (ActionEditor, ActionProgress).
        ("/Plans/Actions", Policies.Member),
        // Monitoring rounds: watched by the central team, service managers and auditors; run by the central team.
        ("/Rounds", Policies.ViewRounds),
        ("/Plans/Milestones", Policies.Member),
        // Whose return a member may read, submit or sign off is checked per return (ReturnRules).
        ("/Returns", Policies.Member),
        // The register and the heat map: members. Which risks may be changed or reviewed is checked per risk (RiskEditor, RiskReviewEditor).
        ("/Risks", Policies.Member),
        ("/Risks/Edit", Policies.EditRisks),
        ("/Baskets", Policies.Member),
        ("/Baskets/Edit", Policies.ManageBaskets),
        ("/Risks/Import", Policies.EditRisks),
        ("/Audit", Policies.ViewAudit),
        ("/Corrections", Policies.ReadCorrections),
        // Exceptions and roll-ups: every member reads them.
        ("/Performance", Policies.Member),
        ("/Messages", Policies.ReadMessageLog),
        // A person's own notices: which ones, per notice (NoticeEditor).
        ("/Notices", Policies.Member),
        ("/Admin/Messages", Policies.ManageMessages),
        ("/Admin/Rounds", Policies.ManageOrganisation),
        ("/Admin/Users", Policies.ManageUsers),
        ("/Admin/PlanTemplates", Policies.ManagePlanTemplates),
    ];

    /// <summary>Page → a further policy, on top of its folder's.</summary>
    private static readonly (string Page, string Policy)[] Pages =
    [
        ("/Plans/Actions/MyActions", Policies.EnterValues),
        ("/Plans/Actions/MyActionsProgress", Policies.EnterValues),
        // Administration: the start page shows what the member may manage (and refuses those who may manage nothing).
        ("/Admin/Index", Policies.Member),
        ("/Admin/Organisation", Policies.ManageOrganisation),
        ("/Admin/Levels", Policies.ManageLevels),
        ("/Rounds/Open", Policies.RunRounds),
        ("/Rounds/Close", Policies.RunRounds),
        // Lock exceptions: everyone who reads the register sees them; the central team grants and ends them.
        ("/Corrections/Exceptions/New", Policies.ManageLockExceptions),
        ("/Corrections/Exceptions/End", Policies.ManageLockExceptions),
        // Chasing a round's outstanding owners: the performance team (sending, per person and hour, in ReminderPlanner).
        ("/Rounds/Reminders", Policies.ReadMessageLog),
        ("/Admin/RiskMatrix", Policies.ManageRiskMatrix),
        ("/Admin/Exceptions", Policies.ManageOrganisation),
        ("/Admin/Places", Policies.ManagePlaces),
        ("/Admin/Place", Policies.ManagePlaces),
        // Setting up a breakdown: whoever may define indicators (which ones, per indicator); entering its figures: anyone
        // who may enter some values (which parts, per part: BreakdownValueEditor).
        ("/Indicators/Breakdown/Setup", Policies.ManageIndicators),
        ("/Indicators/Breakdown/Figures", Policies.EnterValues),
    ];

    public static void Configure(PageConventionCollection pages)
    {
        foreach (var page in PublicPages)
        {
            pages.AllowAnonymousToPage(page);
        }

        pages.AddFolderApplicationModelConvention("/", model =>
        {
            if (FolderPolicy(model.ViewEnginePath) is { } policy)
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }

            foreach (var (_, pagePolicy) in Pages.Where(p => p.Page == model.ViewEnginePath))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(pagePolicy));
            }
        });
    }

    /// <summary>The policy of the nearest listed folder of a page ("/Indicators/Edit/New" → ManageIndicators).</summary>
    internal static string? FolderPolicy(string pagePath) =>
        Folders.Where(f => pagePath.StartsWith(f.Folder + "/", StringComparison.Ordinal))
            .OrderByDescending(f => f.Folder.Length)
            .Select(f => f.Policy)
            .FirstOrDefault();
}

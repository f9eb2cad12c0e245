using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Waymark.Web.Accounts;

namespace Waymark.Web.Hosting;

/// <summary>
/// Which pages the public may open. Everything else needs sign-in (the fallback policy) and, inside
/// an organisation, membership or a permission. Public pages show only published content.
/// </summary>
internal static class PageAccess
{
    public static void Configure(PageConventionCollection pages)
    {
        foreach (var page in new[]
                 {
                     "/Index", "/Accessibility", "/Error", "/Account/SignIn", "/Account/SignInTwoFactor",
                     "/Organisations/Overview", "/Framework/Index", "/Framework/Objective",
                 })
        {
            pages.AllowAnonymousToPage(page);
        }

        pages.AuthorizeFolder("/Units", Policies.Member);
        pages.AuthorizeFolder("/Indicators", Policies.Member);
        // Which indicators, and which targets, are then checked per indicator (Permissions.CanManageIndicator).
        pages.AuthorizeFolder("/IndicatorsEdit", Policies.ManageIndicators);
        pages.AuthorizeFolder("/Audit", Policies.ViewAudit);
        // Plans: which plans a member may read (by state) and change (by unit, while a draft) is checked per plan.
        pages.AuthorizeFolder("/Plans", Policies.ReadPlans);
        pages.AuthorizeFolder("/PlansEdit", Policies.CreatePlans);
        // Which entries, and which changes, are then checked per record (Permissions).
        pages.AuthorizeFolder("/FrameworkEdit", Policies.EditFramework);
        pages.AuthorizeFolder("/StructureEdit", Policies.ManageStructure);
        // Values import: anyone who may enter some values; definitions and targets are checked on the page (ManageIndicators), each row per indicator.
        pages.AuthorizeFolder("/IndicatorsImport", Policies.EnterValues);
        // Entering values (one value, My updates) and the verify queue; which indicators, per record (IndicatorValueEditor).
        pages.AuthorizeFolder("/IndicatorValues", Policies.EnterValues);
        pages.AuthorizeFolder("/IndicatorVerify", Policies.VerifyValues);
        // Submit, approve, publish, return to draft, roll forward: who may, per plan and step (PlanWorkflowRules).
        pages.AuthorizeFolder("/PlansWorkflow", Policies.Member);
        // Actions: members; reading the plan, editing it (drafts) and recording progress are checked per action (ActionEditor, ActionProgress).
        pages.AuthorizeFolder("/Actions", Policies.Member);
        pages.AuthorizePage("/Actions/MyActions", Policies.EnterValues);
        // Administration: the start page shows what the member may manage (and refuses those who may manage nothing).
        pages.AuthorizePage("/Admin/Index", Policies.Member);
        pages.AuthorizeFolder("/Admin/Users", Policies.ManageUsers);
        pages.AuthorizePage("/Admin/Organisation", Policies.ManageOrganisation);
        pages.AuthorizePage("/Admin/Levels", Policies.ManageLevels);
        pages.AuthorizeFolder("/Admin/PlanTemplates", Policies.ManagePlanTemplates);
    }
}

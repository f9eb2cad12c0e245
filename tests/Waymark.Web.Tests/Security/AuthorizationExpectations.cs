using Waymark.Core.Accounts;

namespace Waymark.Web.Tests.Security;

/// <summary>Who each endpoint is for, in the words of docs/permissions.md.</summary>
public enum Access
{
    /// <summary>Open to everyone (sign-in, error pages, the organisation list, health).</summary>
    Anyone,

    /// <summary>Any signed-in account, whatever organisation (their own account pages).</summary>
    SignedIn,

    /// <summary>Members; and everyone when the organisation publishes its framework.</summary>
    PublishedFramework,

    /// <summary>Members of the organisation, any role.</summary>
    Members,

    /// <summary>Edit a framework entry: administrators and performance officers; service managers in their units; owners.</summary>
    EditEntry,

    /// <summary>Add or delete a framework entry: administrators, performance officers, service managers in their units.</summary>
    CreateOrDeleteEntry,

    /// <summary>Add framework entries at all: administrators, performance officers, service managers.</summary>
    CreateEntries,

    /// <summary>The administration start page: anyone who may manage something there.</summary>
    AdminArea,

    /// <summary>A signed-in account's own records (its API tokens); anyone else's is "not found".</summary>
    OwnRecord,

    /// <summary>Define indicators at all: administrators, performance officers, service managers.</summary>
    CreateIndicators,

    /// <summary>Change or delete an indicator and its targets: administrators, performance officers, service managers in their units.</summary>
    ManageIndicator,

    /// <summary>Enter values of an indicator: administrators, performance officers; service managers in their units; owners and leads.</summary>
    EnterValues,

    /// <summary>Pages for entering values at all ("My updates"): everyone who may change things but councillors and auditors.</summary>
    EnterSomeValues,

    /// <summary>Verify values at all (the verify queue): administrators, performance officers, service managers.</summary>
    VerifySomeValues,

    /// <summary>Verify a value of an indicator: administrators, performance officers, service managers in their units.</summary>
    VerifyValue,

    /// <summary>Read a draft plan (the matrix's plans are drafts): members except councillors.</summary>
    ReadDraftPlan,

    /// <summary>Start plans at all: administrators, performance officers, service managers.</summary>
    CreatePlans,

    /// <summary>Change, roll forward or submit a plan: administrators, performance officers; service managers in their units.</summary>
    EditPlan,

    /// <summary>Approve, publish or return plans: administrators and performance officers.</summary>
    ApprovePlans,

    /// <summary>Record progress on an action: administrators, performance officers; service managers in their units; its leads.</summary>
    UpdateAction,

    /// <summary>Read a return: its owner (any role); administrators, performance officers and auditors.</summary>
    ReadReturn,

    /// <summary>Submit a return: its owner only.</summary>
    SubmitReturn,

    /// <summary>Sign off a return or return an item: administrators and performance officers; service managers in their units;
    /// never its owner.</summary>
    SignOffReturn,
    /// <summary>Add risks: administrators, performance officers, service managers (to their units' service registers).</summary>
    CreateRisks,

    /// <summary>Change or close a risk, its controls and further actions: administrators, performance officers; service managers in their units.</summary>
    EditRisk,

    /// <summary>Review a risk: as <see cref="EditRisk"/>, and its owner (a lead officer holding its post).</summary>
    ReviewRisk,

    /// <summary>The risk matrix: administrators.</summary>
    ManageRiskMatrix,

    /// <summary>Accept or decline a risk proposed for the strategic register: administrators and performance officers.</summary>
    DecideRiskEscalations,

    ManageLevels,

    /// <summary>Watch monitoring rounds: administrators, performance officers, service managers and auditors.</summary>
    ViewRounds,

    /// <summary>Open and close monitoring rounds: administrators and performance officers.</summary>
    RunRounds,

    /// <summary>The plan types and the plan section template: administrators and performance officers.</summary>
    ManagePlanTemplates,
    ManageStructure,
    ManageUsers,
    ManageOrganisation,
    ViewAudit,

    /// <summary>The register of corrections and the lock exceptions: administrators, performance officers, auditors.</summary>
    ReadCorrections,

    /// <summary>Grant and end lock exceptions: administrators and performance officers.</summary>
    ManageLockExceptions,
    /// <summary>The message log and a round's reminders page: administrators and performance officers.</summary>
    ReadMessageLog,

    /// <summary>Message templates and the reminder schedule: administrators.</summary>
    ManageMessages,

    /// <summary>Send a reminder now: administrators and performance officers.</summary>
    SendReminders,

    /// <summary>Create, change and delete baskets (scorecards): administrators and performance officers.</summary>
    ManageBaskets,
    /// <summary>The organisation's places (wards, parishes, towns): administrators and performance officers.</summary>
    ManagePlaces,
}

/// <summary>
/// The expected access of every endpoint, written out independently of the code's policies, and the
/// truth table behind each kind of access. <see cref="AuthorizationMatrixTests"/> holds the app to it.
/// </summary>
/// <summary>The record a route points at: the asker's own, someone else's in the organisation, or another organisation's.</summary>
public enum Relation
{
    Own,
    Other,
    Foreign,
}

public static class AuthorizationExpectations
{
    public static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        ["GET /"] = Access.Anyone,
        ["GET /accessibility"] = Access.Anyone,
        ["GET /health"] = Access.Anyone,
        ["GET /health/live"] = Access.Anyone,
        ["GET /health/ready"] = Access.Anyone,
        ["GET /error/{code?}"] = Access.Anyone,
        ["POST /error/{code?}"] = Access.Anyone,
        ["GET /sign-in"] = Access.Anyone,
        ["POST /sign-in"] = Access.Anyone,
        ["GET /sign-in/two-factor"] = Access.Anyone,
        ["POST /sign-in/two-factor"] = Access.Anyone,
        ["GET /sign-out"] = Access.SignedIn,
        ["POST /sign-out"] = Access.SignedIn,

        ["GET /{org}"] = Access.PublishedFramework,
        ["GET /{org}/framework"] = Access.PublishedFramework,
        ["GET /{org}/framework/{id}"] = Access.PublishedFramework,
        ["GET /{org}/units"] = Access.Members,
        ["GET /{org}/units/{id}"] = Access.Members,

        ["GET /account/tokens"] = Access.SignedIn,
        ["GET /account/tokens/new"] = Access.SignedIn,
        ["POST /account/tokens/new"] = Access.SignedIn,
        ["GET /account/tokens/{id}/revoke"] = Access.OwnRecord,
        ["POST /account/tokens/{id}/revoke"] = Access.OwnRecord,

        ["GET /{org}/audit"] = Access.ViewAudit,
        ["GET /{org}/audit/export"] = Access.ViewAudit,
        ["GET /{org}/audit/{id}"] = Access.ViewAudit,

        // The restatement register and lock exceptions: the central team and auditors read; the central team grants and ends.
        ["GET /{org}/corrections"] = Access.ReadCorrections,
        ["GET /{org}/corrections/export"] = Access.ReadCorrections,
        ["GET /{org}/corrections/exceptions"] = Access.ReadCorrections,
        ["GET /{org}/corrections/exceptions/new"] = Access.ManageLockExceptions,
        ["POST /{org}/corrections/exceptions/new"] = Access.ManageLockExceptions,
        ["GET /{org}/corrections/exceptions/{id}/end"] = Access.ManageLockExceptions,
        ["POST /{org}/corrections/exceptions/{id}/end"] = Access.ManageLockExceptions,
        ["GET /api/v1/organisations/{org}/corrections/"] = Access.ReadCorrections,
        ["GET /api/v1/organisations/{org}/corrections/lock-exceptions"] = Access.ReadCorrections,
        ["GET /api/v1/organisations/{org}/corrections/lock-exceptions/{id}"] = Access.ReadCorrections,
        ["POST /api/v1/organisations/{org}/corrections/lock-exceptions"] = Access.ManageLockExceptions,
        ["POST /api/v1/organisations/{org}/corrections/lock-exceptions/{id}/end"] = Access.ManageLockExceptions,

        ["GET /account"] = Access.SignedIn,
        ["GET /account/change-password"] = Access.SignedIn,
        ["POST /account/change-password"] = Access.SignedIn,
        ["GET /account/two-factor"] = Access.SignedIn,
        ["POST /account/two-factor?handler=SetUp"] = Access.SignedIn,
        ["POST /account/two-factor?handler=Enable"] = Access.SignedIn,
        ["POST /account/two-factor?handler=Disable"] = Access.SignedIn,

        ["GET /{org}/framework/new"] = Access.CreateEntries,
        ["POST /{org}/framework/new"] = Access.CreateEntries,
        ["GET /{org}/framework/{id}/edit"] = Access.EditEntry,
        ["POST /{org}/framework/{id}/edit"] = Access.EditEntry,
        ["GET /{org}/framework/{id}/delete"] = Access.CreateOrDeleteEntry,
        ["POST /{org}/framework/{id}/delete"] = Access.CreateOrDeleteEntry,
        ["GET /{org}/framework/{id}/links"] = Access.EditEntry,
        ["POST /{org}/framework/{id}/links?handler=Add"] = Access.EditEntry,
        ["POST /{org}/framework/{id}/links?handler=Remove"] = Access.EditEntry,

        ["GET /{org}/plans/{id}/document"] = Access.ReadDraftPlan,
        ["GET /{org}/indicators"] = Access.Members,
        ["GET /{org}/indicators/export"] = Access.Members,
        ["GET /{org}/indicators/{id}"] = Access.Members,
        ["GET /{org}/indicators/{id}/export"] = Access.Members,
        ["GET /{org}/indicators/new"] = Access.CreateIndicators,
        ["POST /{org}/indicators/new"] = Access.CreateIndicators,
        ["GET /{org}/indicators/{id}/edit"] = Access.ManageIndicator,
        ["POST /{org}/indicators/{id}/edit"] = Access.ManageIndicator,
        ["GET /{org}/indicators/{id}/delete"] = Access.ManageIndicator,
        ["POST /{org}/indicators/{id}/delete"] = Access.ManageIndicator,
        ["GET /{org}/indicators/{id}/targets/{year}"] = Access.ManageIndicator,
        ["POST /{org}/indicators/{id}/targets/{year}"] = Access.ManageIndicator,
        ["POST /{org}/indicators/{id}/targets/{year}?handler=ProRata"] = Access.ManageIndicator,
        // Values: anyone who may enter some (each row checked per indicator); definitions and targets are refused on the
        // page to those who may not define indicators, which the matrix's plain post (no kind chosen) does not reach.
        ["GET /{org}/indicators/import"] = Access.EnterSomeValues,
        ["POST /{org}/indicators/import"] = Access.EnterSomeValues,
        ["POST /{org}/indicators/import?handler=Confirm"] = Access.EnterSomeValues,
        ["GET /{org}/indicators/import/template"] = Access.EnterSomeValues,

        ["GET /{org}/units/new"] = Access.ManageStructure,
        ["POST /{org}/units/new"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/edit"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/edit"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/delete"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/delete"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/posts"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/posts"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/posts/{postId}/edit"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/posts/{postId}/edit"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/posts/{postId}/delete"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/posts/{postId}/delete"] = Access.ManageStructure,
        ["GET /{org}/units/{id}/portfolio-holders"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/portfolio-holders?handler=Add"] = Access.ManageStructure,
        ["POST /{org}/units/{id}/portfolio-holders?handler=Remove"] = Access.ManageStructure,
        ["GET /{org}/people"] = Access.ManageStructure,
        ["GET /{org}/people/new"] = Access.ManageStructure,
        ["POST /{org}/people/new"] = Access.ManageStructure,
        ["GET /{org}/people/{id}/edit"] = Access.ManageStructure,
        ["POST /{org}/people/{id}/edit"] = Access.ManageStructure,

        // Baskets (scorecards): members read them; the central team makes and changes them.
        ["GET /{org}/baskets"] = Access.Members,
        ["GET /{org}/baskets/{id}"] = Access.Members,
        ["GET /{org}/baskets/{id}/export"] = Access.Members,
        ["GET /{org}/baskets/new"] = Access.ManageBaskets,
        ["POST /{org}/baskets/new"] = Access.ManageBaskets,
        ["GET /{org}/baskets/{id}/edit"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/edit"] = Access.ManageBaskets,
        ["GET /{org}/baskets/{id}/delete"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/delete"] = Access.ManageBaskets,
        ["GET /{org}/baskets/{id}/items"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=AddGroup"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=RenameGroup"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=RemoveGroup"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=MoveGroup"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=RemoveItem"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=MoveItem"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items?handler=MoveItemToGroup"] = Access.ManageBaskets,
        ["GET /{org}/baskets/{id}/items/add"] = Access.ManageBaskets,
        ["POST /{org}/baskets/{id}/items/add"] = Access.ManageBaskets,
        // The risk register: members read it; which risks may be changed or reviewed is checked per risk.
        ["GET /{org}/risks"] = Access.Members,
        ["GET /{org}/risks/heat-map"] = Access.Members,
        ["GET /{org}/risks/export"] = Access.Members,
        ["GET /{org}/risks/import"] = Access.CreateRisks,
        ["POST /{org}/risks/import"] = Access.CreateRisks,
        ["POST /{org}/risks/import?handler=Confirm"] = Access.CreateRisks,
        ["GET /{org}/risks/import/template"] = Access.CreateRisks,
        ["GET /{org}/risks/{id}"] = Access.Members,
        ["GET /{org}/risks/new"] = Access.CreateRisks,
        ["POST /{org}/risks/new"] = Access.CreateRisks,
        ["GET /{org}/risks/{id}/edit"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/edit"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/close"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/close"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/close?handler=Reopen"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/controls/new"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/controls/new"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/controls/{controlId}"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/controls/{controlId}"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/controls/{controlId}?handler=Delete"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/actions/new"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/actions/new"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/actions/{actionId}"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/actions/{actionId}"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/actions/{actionId}?handler=Delete"] = Access.EditRisk,
        ["GET /{org}/risks/{id}/review"] = Access.ReviewRisk,
        ["POST /{org}/risks/{id}/review"] = Access.ReviewRisk,
        ["GET /{org}/risks/{id}/escalate"] = Access.EditRisk,
        ["POST /{org}/risks/{id}/escalate"] = Access.EditRisk,
        ["GET /{org}/risks/escalations"] = Access.Members,
        ["GET /{org}/risks/escalations/{id}"] = Access.DecideRiskEscalations,
        ["POST /{org}/risks/escalations/{id}"] = Access.DecideRiskEscalations,
        ["GET /api/v1/organisations/{org}/risks/"] = Access.Members,
        ["POST /api/v1/organisations/{org}/risks/"] = Access.CreateRisks,
        ["GET /api/v1/organisations/{org}/risks/{id}"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/risks/{id}"] = Access.EditRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/close"] = Access.EditRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/reopen"] = Access.EditRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/reviews"] = Access.ReviewRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/controls"] = Access.EditRisk,
        ["PUT /api/v1/organisations/{org}/risks/{id}/controls/{controlId}"] = Access.EditRisk,
        ["DELETE /api/v1/organisations/{org}/risks/{id}/controls/{controlId}"] = Access.EditRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/actions"] = Access.EditRisk,
        ["PUT /api/v1/organisations/{org}/risks/{id}/actions/{actionId}"] = Access.EditRisk,
        ["DELETE /api/v1/organisations/{org}/risks/{id}/actions/{actionId}"] = Access.EditRisk,
        ["POST /api/v1/organisations/{org}/risks/{id}/escalations"] = Access.EditRisk,
        ["GET /api/v1/organisations/{org}/risks/escalations"] = Access.Members,
        ["GET /api/v1/organisations/{org}/risks/escalations/{id}"] = Access.Members,
        ["POST /api/v1/organisations/{org}/risks/escalations/{id}/decision"] = Access.DecideRiskEscalations,
        ["GET /api/v1/organisations/{org}/risk-matrix"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/risk-matrix"] = Access.ManageRiskMatrix,
        ["GET /{org}/admin/risk-matrix"] = Access.ManageRiskMatrix,
        ["POST /{org}/admin/risk-matrix"] = Access.ManageRiskMatrix,
        ["POST /{org}/admin/risk-matrix?handler=Resize"] = Access.ManageRiskMatrix,

        ["GET /{org}/admin"] = Access.AdminArea,
        ["GET /{org}/admin/levels"] = Access.ManageLevels,
        // Messages: the log and chasing for the performance team; templates and the schedule for administrators; a person's
        // own notices for every member (marking one that is not theirs, or not there, changes nothing).
        ["GET /{org}/messages"] = Access.ReadMessageLog,
        ["GET /api/v1/organisations/{org}/messages"] = Access.ReadMessageLog,
        ["GET /{org}/notices"] = Access.Members,
        ["POST /{org}/notices?handler=Read"] = Access.Members,
        ["POST /{org}/notices?handler=ReadAll"] = Access.Members,
        ["GET /{org}/admin/messages"] = Access.ManageMessages,
        ["POST /{org}/admin/messages"] = Access.ManageMessages,
        ["GET /{org}/admin/messages/templates/{id}"] = Access.ManageMessages,
        ["POST /{org}/admin/messages/templates/{id}"] = Access.ManageMessages,
        ["POST /{org}/admin/messages/templates/{id}?handler=Reset"] = Access.ManageMessages,
        ["GET /{org}/rounds/{id}/reminders"] = Access.ReadMessageLog,
        ["POST /{org}/rounds/{id}/reminders?handler=Send"] = Access.SendReminders,
        ["POST /{org}/admin/levels"] = Access.ManageLevels,
        ["POST /{org}/admin/levels?handler=Add"] = Access.ManageLevels,
        ["GET /{org}/admin/plan-types"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-types?handler=Move"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-types/new"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-types/new"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-types/{id}"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-types/{id}"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-types/{id}/delete"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-types/{id}/delete"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-sections"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-sections?handler=Move"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-sections/new"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-sections/new"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-sections/{id}"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-sections/{id}"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/plan-sections/{id}/delete"] = Access.ManagePlanTemplates,
        ["POST /{org}/admin/plan-sections/{id}/delete"] = Access.ManagePlanTemplates,
        ["GET /{org}/admin/organisation"] = Access.ManageOrganisation,
        ["POST /{org}/admin/organisation"] = Access.ManageOrganisation,
        ["GET /{org}/admin/exceptions"] = Access.ManageOrganisation,
        ["POST /{org}/admin/exceptions"] = Access.ManageOrganisation,

        // Exceptions, roll-ups and forecasts: every member reads them; administrators change the exception settings.
        ["GET /{org}/performance/exceptions"] = Access.Members,
        ["GET /{org}/performance/exceptions/export"] = Access.Members,
        ["GET /api/v1/organisations/{org}/performance/roll-up"] = Access.Members,
        ["GET /api/v1/organisations/{org}/performance/rows"] = Access.Members,
        ["GET /api/v1/organisations/{org}/performance/forecasts"] = Access.Members,
        ["GET /api/v1/organisations/{org}/performance/exceptions"] = Access.Members,
        ["GET /api/v1/organisations/{org}/performance/exception-settings"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/performance/exception-settings"] = Access.ManageOrganisation,
        ["GET /{org}/admin/rounds"] = Access.ManageOrganisation,
        ["POST /{org}/admin/rounds"] = Access.ManageOrganisation,
        ["POST /{org}/admin/rounds?handler=Add"] = Access.ManageOrganisation,
        ["POST /{org}/admin/rounds?handler=Remove"] = Access.ManageOrganisation,
        ["GET /{org}/admin/users"] = Access.ManageUsers,
        ["GET /{org}/admin/users/new"] = Access.ManageUsers,
        ["POST /{org}/admin/users/new"] = Access.ManageUsers,
        ["GET /{org}/admin/users/{id}"] = Access.ManageUsers,
        ["POST /{org}/admin/users/{id}"] = Access.ManageUsers,
        ["POST /{org}/admin/users/{id}?handler=Enable"] = Access.ManageUsers,
        ["GET /{org}/admin/users/{id}/disable"] = Access.ManageUsers,
        ["POST /{org}/admin/users/{id}/disable"] = Access.ManageUsers,
        ["GET /{org}/admin/users/{id}/reset-password"] = Access.ManageUsers,
        ["POST /{org}/admin/users/{id}/reset-password"] = Access.ManageUsers,

        // The plan workflow. The matrix's plan is a draft: those allowed see the page (approve and publish then say a draft
        // cannot be); returning to draft is open to those who may change the plan, since they may withdraw it once submitted.
        ["GET /{org}/plans/{id}/submit"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/submit"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/approve"] = Access.ApprovePlans,
        ["POST /{org}/plans/{id}/approve"] = Access.ApprovePlans,
        ["GET /{org}/plans/{id}/publish"] = Access.ApprovePlans,
        ["POST /{org}/plans/{id}/publish"] = Access.ApprovePlans,
        ["GET /{org}/plans/{id}/return"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/return"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/roll-forward"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/roll-forward"] = Access.EditPlan,
        // Plans: members read (councillors only approved and published ones: the matrix's plans are drafts); content changes per plan.
        ["GET /{org}/plans"] = Access.Members,
        ["GET /{org}/plans/{id}"] = Access.ReadDraftPlan,
        ["GET /{org}/plans/{id}/print"] = Access.ReadDraftPlan,
        ["GET /{org}/plans/new"] = Access.CreatePlans,
        ["POST /{org}/plans/new"] = Access.CreatePlans,
        ["GET /{org}/plans/{id}/edit"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/edit"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/delete"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/delete"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/sections"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/sections"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/sections/{sectionId}"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/sections/{sectionId}"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/sections/{sectionId}?handler=Delete"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/objectives"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/objectives?handler=AddObjective"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/objectives?handler=RemoveObjective"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/objectives?handler=AddMeasure"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/objectives?handler=RemoveMeasure"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/recommendations/new"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/recommendations/new"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/recommendations/{recommendationId}"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/recommendations/{recommendationId}"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/recommendations/{recommendationId}?handler=Delete"] = Access.EditPlan,

        ["GET /{org}/indicators/{id}/values/{period}"] = Access.EnterValues,
        ["POST /{org}/indicators/{id}/values/{period}"] = Access.EnterValues,
        ["POST /{org}/indicators/{id}/values/{period}?handler=Delete"] = Access.EnterValues,
        ["GET /{org}/my-updates"] = Access.EnterSomeValues,
        ["POST /{org}/my-updates"] = Access.EnterSomeValues,
        ["GET /{org}/indicators/verify"] = Access.VerifySomeValues,
        ["POST /{org}/indicators/verify"] = Access.VerifySomeValues,
        ["GET /{org}/indicators/verify/{id}/{period}/query"] = Access.VerifyValue,
        ["POST /{org}/indicators/verify/{id}/{period}/query"] = Access.VerifyValue,
        ["GET /{org}/indicators/{id}/values/{period}/answer"] = Access.EnterValues,
        ["POST /{org}/indicators/{id}/values/{period}/answer"] = Access.EnterValues,
        ["POST /{org}/indicators/{id}/values/{period}/answer?handler=Correct"] = Access.EnterValues,

        // Actions: reading the action goes with reading its (draft) plan; adding, changing and deleting are plan content;
        // progress, due date revisions and its state are for its leads, service managers in the plan's unit and the central team.
        ["GET /{org}/plans/{id}/actions/{actionId}"] = Access.ReadDraftPlan,
        ["GET /{org}/plans/{id}/actions/export"] = Access.ReadDraftPlan,
        ["GET /{org}/plans/{id}/actions/new"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/actions/new"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/actions/{actionId}/edit"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/actions/{actionId}/edit"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/actions/{actionId}/delete"] = Access.EditPlan,
        ["POST /{org}/plans/{id}/actions/{actionId}/delete"] = Access.EditPlan,
        ["GET /{org}/plans/{id}/actions/{actionId}/progress"] = Access.UpdateAction,
        ["POST /{org}/plans/{id}/actions/{actionId}/progress"] = Access.UpdateAction,
        ["GET /{org}/plans/{id}/actions/{actionId}/due"] = Access.UpdateAction,
        ["POST /{org}/plans/{id}/actions/{actionId}/due"] = Access.UpdateAction,
        ["GET /{org}/plans/{id}/actions/{actionId}/state"] = Access.UpdateAction,
        ["POST /{org}/plans/{id}/actions/{actionId}/state"] = Access.UpdateAction,
        // Milestones, as actions: reading goes with reading the (draft) plan; progress is for the milestone's owner, service
        // managers in the plan's unit and the central team.
        ["GET /{org}/plans/{id}/milestones/{milestoneId}"] = Access.ReadDraftPlan,
        ["GET /{org}/plans/{id}/milestones/{milestoneId}/progress"] = Access.UpdateAction,
        ["POST /{org}/plans/{id}/milestones/{milestoneId}/progress"] = Access.UpdateAction,
        ["GET /{org}/my-return"] = Access.Members,
        ["GET /{org}/my-return/{id}"] = Access.Members,
        ["POST /{org}/my-return/{id}"] = Access.Members,
        ["GET /{org}/returns"] = Access.Members,
        ["GET /{org}/returns/{id}"] = Access.ReadReturn,
        ["POST /{org}/returns/{id}?handler=SignOff"] = Access.SignOffReturn,
        ["POST /{org}/returns/{id}?handler=ReturnItem"] = Access.SignOffReturn,
        ["GET /{org}/my-actions"] = Access.EnterSomeValues,
        ["GET /{org}/my-actions/progress"] = Access.EnterSomeValues,
        ["POST /{org}/my-actions/progress"] = Access.EnterSomeValues,

        ["POST /api/v1/organisations/{org}/framework/"] = Access.CreateEntries,
        ["PUT /api/v1/organisations/{org}/framework/{id}"] = Access.EditEntry,
        ["DELETE /api/v1/organisations/{org}/framework/{id}"] = Access.CreateOrDeleteEntry,
        ["POST /api/v1/organisations/{org}/framework/{id}/links"] = Access.EditEntry,
        ["DELETE /api/v1/organisations/{org}/framework/{id}/links/{toId}"] = Access.EditEntry,
        ["POST /api/v1/organisations/{org}/units/"] = Access.ManageStructure,
        ["PUT /api/v1/organisations/{org}/units/{id}"] = Access.ManageStructure,
        ["DELETE /api/v1/organisations/{org}/units/{id}"] = Access.ManageStructure,
        ["POST /api/v1/organisations/{org}/units/{id}/posts"] = Access.ManageStructure,
        ["PUT /api/v1/organisations/{org}/units/{id}/posts/{postId}"] = Access.ManageStructure,
        ["DELETE /api/v1/organisations/{org}/units/{id}/posts/{postId}"] = Access.ManageStructure,

        ["GET /api/v1/openapi.json"] = Access.Anyone,
        ["GET /api/v1/organisations"] = Access.Anyone,
        ["GET /api/v1/organisations/{org}/"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework/levels"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework/{id}"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/units"] = Access.Members,
        ["GET /api/v1/organisations/{org}/units/{id}"] = Access.Members,

        ["GET /api/v1/organisations/{org}/indicators/"] = Access.Members,
        ["POST /api/v1/organisations/{org}/indicators/"] = Access.CreateIndicators,
        ["GET /api/v1/organisations/{org}/indicators/{id}"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/indicators/{id}"] = Access.ManageIndicator,
        ["DELETE /api/v1/organisations/{org}/indicators/{id}"] = Access.ManageIndicator,
        ["PUT /api/v1/organisations/{org}/indicators/{id}/targets/{year}"] = Access.ManageIndicator,
        ["GET /api/v1/organisations/{org}/indicators/{id}/targets/{year}/pro-rata"] = Access.ManageIndicator,
        ["GET /api/v1/organisations/{org}/indicators/{id}/values"] = Access.Members,
        ["GET /api/v1/organisations/{org}/indicators/{id}/values/{period}"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/indicators/{id}/values/{period}"] = Access.EnterValues,
        ["DELETE /api/v1/organisations/{org}/indicators/{id}/values/{period}"] = Access.EnterValues,
        ["POST /api/v1/organisations/{org}/indicators/{id}/values/{period}/verify"] = Access.VerifyValue,
        ["GET /api/v1/organisations/{org}/indicators/{id}/values/{period}/thread"] = Access.Members,
        ["POST /api/v1/organisations/{org}/indicators/{id}/values/{period}/query"] = Access.VerifyValue,
        ["POST /api/v1/organisations/{org}/indicators/{id}/values/{period}/answer"] = Access.EnterValues,
        ["POST /api/v1/organisations/{org}/indicators/{id}/values/{period}/correct"] = Access.EnterValues,
        ["POST /api/v1/organisations/{org}/indicators/values/bulk"] = Access.EnterSomeValues,
        ["POST /api/v1/organisations/{org}/indicators/values/verify"] = Access.VerifySomeValues,

        // The plans API: as the plan pages (the matrix's plans are drafts, so approving and publishing one is refused as not
        // possible, after the permission check); workflow steps and roll forward as the workflow pages.
        ["GET /api/v1/organisations/{org}/plans/"] = Access.Members,
        ["POST /api/v1/organisations/{org}/plans/"] = Access.CreatePlans,
        ["GET /api/v1/organisations/{org}/plans/{id}"] = Access.ReadDraftPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/sections"] = Access.EditPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/sections/{sectionId}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/sections/{sectionId}"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/objectives"] = Access.EditPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/objectives/{planObjectiveId}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/objectives/{planObjectiveId}"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/measures"] = Access.EditPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/measures/{measureId}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/measures/{measureId}"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/recommendations"] = Access.EditPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/recommendations/{recommendationId}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/recommendations/{recommendationId}"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/submit"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/approve"] = Access.ApprovePlans,
        ["POST /api/v1/organisations/{org}/plans/{id}/publish"] = Access.ApprovePlans,
        ["POST /api/v1/organisations/{org}/plans/{id}/return"] = Access.EditPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/roll-forward"] = Access.EditPlan,
        // The actions API, as the action pages: reading goes with reading the (draft) plan, content changes with editing it,
        // progress, due date revisions and state with recording progress on the action.
        ["GET /api/v1/organisations/{org}/my-actions"] = Access.EnterSomeValues,
        ["GET /api/v1/organisations/{org}/my-returns"] = Access.Members,
        ["GET /api/v1/organisations/{org}/returns/"] = Access.Members,
        ["GET /api/v1/organisations/{org}/returns/{id}"] = Access.ReadReturn,
        ["POST /api/v1/organisations/{org}/returns/{id}/submit"] = Access.SubmitReturn,
        ["POST /api/v1/organisations/{org}/returns/{id}/sign-off"] = Access.SignOffReturn,
        ["POST /api/v1/organisations/{org}/returns/{id}/return-item"] = Access.SignOffReturn,
        ["GET /api/v1/organisations/{org}/plans/{id}/actions/"] = Access.ReadDraftPlan,
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/"] = Access.EditPlan,
        ["GET /api/v1/organisations/{org}/plans/{id}/actions/{actionId}"] = Access.ReadDraftPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/actions/{actionId}"] = Access.EditPlan,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/actions/{actionId}"] = Access.EditPlan,
        ["GET /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/updates"] = Access.ReadDraftPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/updates/{quarter}"] = Access.UpdateAction,
        ["DELETE /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/updates/{quarter}"] = Access.UpdateAction,
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/due"] = Access.UpdateAction,
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/state"] = Access.UpdateAction,

        // Monitoring rounds: watched by the central team, service managers and auditors; opened and closed by the central team.
        ["GET /{org}/rounds"] = Access.ViewRounds,
        ["GET /{org}/rounds/open"] = Access.RunRounds,
        ["POST /{org}/rounds/open"] = Access.RunRounds,
        ["GET /{org}/rounds/{id}"] = Access.ViewRounds,
        ["GET /{org}/rounds/{id}/close"] = Access.RunRounds,
        ["POST /{org}/rounds/{id}/close"] = Access.RunRounds,
        ["GET /api/v1/organisations/{org}/rounds/"] = Access.ViewRounds,
        ["POST /api/v1/organisations/{org}/rounds/"] = Access.RunRounds,
        ["GET /api/v1/organisations/{org}/rounds/{id}"] = Access.ViewRounds,
        ["GET /api/v1/organisations/{org}/rounds/{id}/completeness"] = Access.ViewRounds,
        ["POST /api/v1/organisations/{org}/rounds/{id}/close"] = Access.RunRounds,
        ["GET /api/v1/organisations/{org}/plans/{id}/milestones/{milestoneId}"] = Access.ReadDraftPlan,
        ["PUT /api/v1/organisations/{org}/plans/{id}/milestones/{milestoneId}/progress/{period}"] = Access.UpdateAction,
        // Breakdowns: set up by whoever may change the indicator; figures entered by those who may enter its values (the
        // matrix's parts are of the indicator's own unit and own no post); places kept by the central team.
        ["GET /{org}/indicators/{id}/breakdown"] = Access.ManageIndicator,
        ["POST /{org}/indicators/{id}/breakdown"] = Access.ManageIndicator,
        ["GET /{org}/indicators/{id}/breakdown/{period}"] = Access.EnterValues,
        ["POST /{org}/indicators/{id}/breakdown/{period}"] = Access.EnterValues,
        ["GET /{org}/admin/places"] = Access.ManagePlaces,
        ["POST /{org}/admin/places?handler=Add"] = Access.ManagePlaces,
        ["POST /{org}/admin/places?handler=List"] = Access.ManagePlaces,
        ["GET /{org}/admin/places/{id}"] = Access.ManagePlaces,
        ["POST /{org}/admin/places/{id}"] = Access.ManagePlaces,
        ["POST /{org}/admin/places/{id}?handler=Remove"] = Access.ManagePlaces,
        ["GET /api/v1/organisations/{org}/indicators/{id}/breakdown"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/indicators/{id}/breakdown"] = Access.ManageIndicator,
        ["GET /api/v1/organisations/{org}/indicators/{id}/breakdown/{period}"] = Access.Members,
        ["PUT /api/v1/organisations/{org}/indicators/{id}/breakdown/{period}"] = Access.EnterValues,
        ["GET /api/v1/organisations/{org}/places/"] = Access.Members,
        ["GET /{org}/health-card"] = Access.Members,
        ["GET /{org}/health-card/{id}"] = Access.Members,
        ["GET /{org}/health-card/{id}/csv"] = Access.Members,
        ["POST /api/v1/organisations/{org}/places/"] = Access.ManagePlaces,
        ["POST /api/v1/organisations/{org}/places/list"] = Access.ManagePlaces,
        ["PUT /api/v1/organisations/{org}/places/{id}"] = Access.ManagePlaces,
        ["DELETE /api/v1/organisations/{org}/places/{id}"] = Access.ManagePlaces,
    };

    /// <summary>
    /// The truth table: whether <paramref name="who"/> gets past the access, for a record that is
    /// their own, someone else's in the same organisation, or another organisation's.
    /// </summary>
    public static bool Allows(Access access, Who who, bool published, Relation relation)
    {
        if (relation == Relation.Foreign && access != Access.Anyone)
        {
            return false; // A record of another organisation is never reachable through this one.
        }

        var own = relation == Relation.Own;
        var member = who.Role is not null && who.MemberOfTarget;
        var role = who.Role;
        var writes = !who.ReadOnlyToken;
        return access switch
        {
            Access.Anyone => true,
            Access.SignedIn => role is not null,
            Access.OwnRecord => role is not null && own,
            Access.PublishedFramework => published || member,
            Access.Members => member,
            Access.EditEntry => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager or Role.LeadOfficer)),
            Access.CreateOrDeleteEntry => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager)),
            Access.CreateEntries => member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager,
            Access.CreateIndicators or Access.VerifySomeValues =>
                member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager,
            Access.ManageIndicator or Access.VerifyValue => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager)),
            Access.EnterValues => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager or Role.LeadOfficer)),
            Access.EnterSomeValues => member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.LeadOfficer,
            Access.ReadDraftPlan => member && role is not Role.Councillor,
            Access.CreatePlans => member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager,
            Access.EditPlan => member && writes && (role is Role.Administrator or Role.PerformanceOfficer || (own && role is Role.ServiceManager)),
            Access.ApprovePlans => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.UpdateAction => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager or Role.LeadOfficer)),
            Access.ReadReturn => member && (own || role is Role.Administrator or Role.PerformanceOfficer or Role.Auditor),
            Access.SubmitReturn => member && writes && own,
            Access.SignOffReturn => member && writes && !own && role is Role.Administrator or Role.PerformanceOfficer,
            Access.CreateRisks => member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager,
            Access.EditRisk => member && writes && (role is Role.Administrator or Role.PerformanceOfficer || (own && role is Role.ServiceManager)),
            Access.ReviewRisk => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager or Role.LeadOfficer)),
            Access.ManageRiskMatrix => member && writes && role is Role.Administrator,
            Access.DecideRiskEscalations => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.AdminArea => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ManageLevels or Access.ManagePlanTemplates or Access.ManagePlaces => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ManageStructure or Access.ManageUsers or Access.ManageOrganisation => member && writes && role is Role.Administrator,
            Access.ViewAudit => member && role is Role.Administrator or Role.Auditor,
            Access.ViewRounds => member && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.Auditor,
            Access.RunRounds => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ReadCorrections => member && role is Role.Administrator or Role.PerformanceOfficer or Role.Auditor,
            Access.ManageLockExceptions => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ReadMessageLog => member && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ManageMessages => member && writes && role is Role.Administrator,
            Access.SendReminders => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ManageBaskets => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
        };
    }
}

namespace Waymark.Core.Accounts;

/// <summary>
/// Who may do what: the one place these rules live. Pages, the API and commands ask here.
/// docs/permissions.md shows the same rules as a table; a test keeps the two in step.
/// </summary>
public static class Permissions
{
    /// <summary>
    /// Read the organisation's framework (aims, objectives, links): members always; the public and
    /// other organisations' users only when the organisation publishes it.
    /// </summary>
    public static bool CanReadFramework(Actor? actor, Organisations.Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.PublishFramework || CanRead(actor, organisation.Id);
    }

    /// <summary>Read anything in the organisation (members only; the public sees published content).</summary>
    public static bool CanRead(Actor? actor, int organisationId) => actor is not null && actor.OrganisationId == organisationId;

    /// <summary>
    /// Edit a framework entry: the central team anywhere; a service manager within their units;
    /// anyone who owns it (directly or through a post they hold), unless they only read.
    /// </summary>
    public static bool CanEditObjective(Actor? actor, int? unitId, int? ownerPostId, int? ownerPersonId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => actor.Covers(unitId) || actor.Owns(ownerPostId, ownerPersonId),
        { Role: Role.LeadOfficer } => actor.Owns(ownerPostId, ownerPersonId),
        _ => false,
    };

    /// <summary>
    /// Whether the actor may edit any framework entry at all (which ones is then <see cref="CanEditObjective"/>):
    /// everyone who can change things except councillors and auditors.
    /// </summary>
    public static bool MayEditSomeObjectives(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.LeadOfficer };

    /// <summary>Add a framework entry to a unit (or with no unit), or delete one.</summary>
    public static bool CanCreateOrDeleteObjective(Actor? actor, int? unitId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => unitId is not null && actor.Covers(unitId),
        _ => false,
    };

    /// <summary>Add framework entries to at least one unit: the central team, and service managers (within their units).</summary>
    public static bool CanCreateObjectives(Actor? actor) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => actor.WholeOrganisation || actor.UnitIds.Count > 0,
        _ => false,
    };

    /// <summary>
    /// Move an entry (that the actor may edit) to another unit. Moving is adding it to the new unit,
    /// so the same rule applies: otherwise an owner could hand an entry to a unit they cannot add to.
    /// </summary>
    public static bool CanMoveObjectiveToUnit(Actor? actor, int? newUnitId) => CanCreateOrDeleteObjective(actor, newUnitId);

    /// <summary>Change the organisation's structure: units, posts, people, portfolio holders.</summary>
    public static bool CanManageStructure(Actor? actor) => IsAdministrator(actor);

    /// <summary>Framework levels (the names of the organisation's levels).</summary>
    public static bool CanManageLevels(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>
    /// The plan types and the section template new plans start from: the central team, who set up plan templates
    /// (DESIGN.md §1), as they name the framework's levels.
    /// </summary>
    public static bool CanManagePlanTemplates(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>
    /// Open and close monitoring rounds and set their deadlines and the organisation's bank holidays: the central team,
    /// who run the quarter.
    /// </summary>
    public static bool CanRunRounds(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>
    /// Watch monitoring rounds (the rounds, their deadlines and completeness, who is outstanding): the central team,
    /// service managers, who chase their teams, and auditors. Owners see their own return instead.
    /// </summary>
    public static bool CanViewRounds(Actor? actor) =>
        actor is { Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.Auditor };

    /// <summary>
    /// Create, change and delete baskets (the corporate scorecard, the Health Card, a portfolio's set): the central team,
    /// who report the quarter. Everyone who reads indicators reads baskets (<see cref="CanRead"/>).
    /// </summary>
    public static bool CanManageBaskets(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    public static bool CanManageUsers(Actor? actor) => IsAdministrator(actor);

    public static bool CanManageOrganisation(Actor? actor) => IsAdministrator(actor);

    /// <summary>The message log (every e-mail: to whom, when, what, sent or failed and why): the performance team.</summary>
    public static bool CanReadMessageLog(Actor? actor) => actor is { Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>The message templates and the reminder and escalation schedule: administrators.</summary>
    public static bool CanManageMessages(Actor? actor) => actor is { ReadOnly: false, Role: Role.Administrator };

    /// <summary>Send a reminder now to an owner whose return is outstanding: the performance team, who run rounds.</summary>
    public static bool CanSendReminders(Actor? actor) => actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>Mark a notice as read: only the person it is for.</summary>
    public static bool CanMarkNoticeRead(Actor? actor, int noticePersonId) =>
        actor is { ReadOnly: false, PersonId: { } person } && person == noticePersonId;

    public static bool CanViewAudit(Actor? actor) => actor is { Role: Role.Administrator or Role.Auditor };

    /// <summary>
    /// The account changes of the organisation's members that belong to no organisation (a password or API token
    /// changed on the account pages): administrators only, who look after the accounts. Which entries those are is
    /// <c>AuditLog.Query</c>'s rule: never another organisation's accounts.
    /// </summary>
    public static bool CanViewUnassignedAudit(Actor? actor) => actor is { Role: Role.Administrator };

    /// <summary>
    /// Create, change or delete an indicator's definition and targets: the central team anywhere; a service manager for
    /// indicators of their units.
    /// </summary>
    public static bool CanManageIndicator(Actor? actor, int? unitId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => unitId is not null && actor.Covers(unitId),
        _ => false,
    };

    /// <summary>Define indicators for at least one unit (the central team; service managers with units).</summary>
    public static bool CanCreateIndicators(Actor? actor) => CanCreateObjectives(actor);

    /// <summary>
    /// Enter, change or delete an indicator's values: its data owner or lead officer (directly or through a post they
    /// hold), a service manager for their units' indicators, and the central team.
    /// </summary>
    public static bool CanEnterIndicatorValues(Actor? actor, int? unitId, int? dataOwnerPostId, int? dataOwnerPersonId, int? leadPostId, int? leadPersonId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => actor.Covers(unitId) || actor.Owns(dataOwnerPostId, dataOwnerPersonId) || actor.Owns(leadPostId, leadPersonId),
        { Role: Role.LeadOfficer } => actor.Owns(dataOwnerPostId, dataOwnerPersonId) || actor.Owns(leadPostId, leadPersonId),
        _ => false,
    };

    /// <summary>
    /// Verify a value (the data-quality sign-off): the central team, and service managers for their units' indicators;
    /// never the person who entered it (<see cref="CanVerifyValueEnteredBy"/>).
    /// </summary>
    public static bool CanVerifyIndicatorValues(Actor? actor, int? unitId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => unitId is not null && actor.Covers(unitId),
        _ => false,
    };

    /// <summary>
    /// Enter a breakdown member's figures (a unit's or a place's part of an indicator): the central team; the owner of
    /// the part (a post they hold); a service manager for a unit part in their scope. The indicator's own owners may
    /// enter every part as well (the breakdown editor asks <see cref="CanEnterIndicatorValues"/> too).
    /// </summary>
    public static bool CanEnterBreakdownValues(Actor? actor, int? memberUnitId, int? memberOwnerPostId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => (memberUnitId is not null && actor.Covers(memberUnitId)) || actor.Owns(memberOwnerPostId, null),
        { Role: Role.LeadOfficer } => actor.Owns(memberOwnerPostId, null),
        _ => false,
    };

    /// <summary>The organisation's places (wards, parishes, towns): the central team, who set up how it reports.</summary>
    public static bool CanManagePlaces(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>Whether the actor may enter values at all (which indicators is then <see cref="CanEnterIndicatorValues"/>).</summary>
    public static bool MayEnterSomeValues(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.LeadOfficer };

    /// <summary>Whether the actor may verify at all (which values is then <see cref="CanVerifyIndicatorValues"/>).</summary>
    public static bool MayVerifySomeValues(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager };

    /// <summary>Nobody verifies their own entry: a second person signs off the figure.</summary>
    public static bool CanVerifyValueEnteredBy(Actor? actor, int? enteredByUserId) =>
        actor is not null && enteredByUserId != actor.UserId;

    /// <summary>
    /// Read a plan: members see every plan, except councillors, who see approved and published plans only (drafts are
    /// officers' working documents). The public sees published plans through the public pages only.
    /// </summary>
    public static bool CanReadPlan(Actor? actor, int organisationId, Plans.PlanState state) => actor switch
    {
        null => false,
        _ when actor.OrganisationId != organisationId => false,
        { Role: Role.Councillor } => state is Plans.PlanState.Approved or Plans.PlanState.Published,
        _ => true,
    };

    /// <summary>
    /// Change a plan's content (sections, objectives, measures, actions), roll it forward, or submit it: the central
    /// team anywhere; a service manager for their units' plans.
    /// </summary>
    public static bool CanEditPlan(Actor? actor, int? unitId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => unitId is not null && actor.Covers(unitId),
        _ => false,
    };

    /// <summary>Start plans for at least one unit (the central team; service managers with units).</summary>
    public static bool CanCreatePlans(Actor? actor) => CanCreateObjectives(actor);

    /// <summary>Approve, publish, or return a submitted plan to draft: the central team.</summary>
    public static bool CanApprovePlans(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>
    /// Record an action's quarterly progress (and revise its due date): its lead officers (directly or through a post
    /// they hold), a service manager for their units' plans, and the central team.
    /// </summary>
    public static bool CanUpdateAction(Actor? actor, int? unitId, IEnumerable<(int? PostId, int? PersonId)> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return actor switch
        {
            null or { ReadOnly: true } => false,
            { Role: Role.Administrator or Role.PerformanceOfficer } => true,
            { Role: Role.ServiceManager } => actor.Covers(unitId) || leads.Any(l => actor.Owns(l.PostId, l.PersonId)),
            { Role: Role.LeadOfficer } => leads.Any(l => actor.Owns(l.PostId, l.PersonId)),
            _ => false,
        };
    }

    /// <summary>
    /// Change a value, progress update or milestone progress of a period whose monitoring round has closed (a
    /// correction, always with a reason): the central team. Others need a lock exception for the record's unit.
    /// </summary>
    public static bool CanCorrectLockedPeriods(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>Grant and end lock exceptions: the central team.</summary>
    public static bool CanManageLockExceptions(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>Read the restatement register (every correction) and the lock exceptions: the central team and auditors.</summary>
    public static bool CanReadCorrections(Actor? actor) =>
        actor is { Role: Role.Administrator or Role.PerformanceOfficer or Role.Auditor };

    /// <summary>
    /// Change a risk, its controls and further actions, or close it: the central team anywhere; a service manager for
    /// their units' risks and the risks they own. Councillors, auditors and the public never write.
    /// </summary>
    public static bool CanEditRisk(Actor? actor, int? unitId, int? ownerPostId, int? ownerPersonId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => actor.Covers(unitId) || actor.Owns(ownerPostId, ownerPersonId),
        _ => false,
    };

    /// <summary>
    /// Add a risk: the central team to either register; a service manager to the service register of a unit in their
    /// scope (the strategic register takes a risk by escalation, decided by the central team).
    /// </summary>
    public static bool CanCreateRisk(Actor? actor, Risks.RiskRegisterLevel level, int? unitId) => actor switch
    {
        null or { ReadOnly: true } => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } => level == Risks.RiskRegisterLevel.Service && unitId is not null && actor.Covers(unitId),
        _ => false,
    };

    /// <summary>Add risks to at least one register (the central team; service managers with units).</summary>
    public static bool CanCreateRisks(Actor? actor) => CanCreateObjectives(actor);

    /// <summary>Record a review of a risk: whoever may change it, and its owner (directly or through a post they hold).</summary>
    public static bool CanReviewRisk(Actor? actor, int? unitId, int? ownerPostId, int? ownerPersonId) =>
        CanEditRisk(actor, unitId, ownerPostId, ownerPersonId)
        || (actor is { ReadOnly: false, Role: Role.LeadOfficer } && actor.Owns(ownerPostId, ownerPersonId));

    /// <summary>Whether the actor may change or review any risk at all (which ones is then <see cref="CanEditRisk"/>, <see cref="CanReviewRisk"/>).</summary>
    public static bool MayEditSomeRisks(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.LeadOfficer };

    /// <summary>Accept or decline a risk proposed for the strategic register: the central team.</summary>
    public static bool CanDecideRiskEscalations(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer };

    /// <summary>Change the risk matrix (scales, impact criteria, bands, categories and appetite): administrators.</summary>
    public static bool CanManageRiskMatrix(Actor? actor) => IsAdministrator(actor);

    private static bool IsAdministrator(Actor? actor) => actor is { ReadOnly: false, Role: Role.Administrator };
}

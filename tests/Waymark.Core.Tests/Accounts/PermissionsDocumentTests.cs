using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Core.Tests.Accounts;

/// <summary>
/// docs/permissions.md and <see cref="Permissions"/> say the same thing: every cell of the
/// document's table is checked against the code, and every row must be one the test knows.
/// </summary>
public class PermissionsDocumentTests
{
    private const int OwnUnit = 10;
    private const int ChildUnit = 11;
    private const int OtherUnit = 20;
    private const int OwnPost = 100;
    private const int OtherPost = 200;
    private const int OwnPerson = 1000;
    private const int OrganisationId = 1;
    private const int OtherUser = 99;

    private static readonly string[] Columns =
        ["Administrator", "Performance officer", "Service manager", "Lead officer", "Councillor", "Auditor", "Public"];

    /// <summary>A member of the organisation in the role, scoped to unit 10 (which has child 11), holding post 100.</summary>
    private static Actor? ActorFor(string column, bool readOnly = false, int organisationId = OrganisationId) => column switch
    {
        "Public" => null,
        _ => new Actor(1, column, organisationId, Role(column), WholeOrganisation: false,
            new HashSet<int> { OwnUnit, ChildUnit }, OwnPerson, new HashSet<int> { OwnPost }, readOnly),
    };

    private static Role Role(string column) => column switch
    {
        "Administrator" => Core.Accounts.Role.Administrator,
        "Performance officer" => Core.Accounts.Role.PerformanceOfficer,
        "Service manager" => Core.Accounts.Role.ServiceManager,
        "Lead officer" => Core.Accounts.Role.LeadOfficer,
        "Councillor" => Core.Accounts.Role.Councillor,
        "Auditor" => Core.Accounts.Role.Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static Organisation Org(bool published) =>
        new() { Id = OrganisationId, Name = "Test", ShortName = "Test", Slug = "test", PublishFramework = published };

    /// <summary>Each scenario of the document, as a question put to the code.</summary>
    private static readonly Dictionary<string, Func<string, bool>> Scenarios = new(StringComparer.Ordinal)
    {
        ["Read the framework of an organisation that publishes it"] = c => Permissions.CanReadFramework(ActorFor(c), Org(published: true)),
        ["Read the framework of an organisation that does not publish it"] = c => Permissions.CanReadFramework(ActorFor(c), Org(published: false)),
        ["Read units, posts and people"] = c => Permissions.CanRead(ActorFor(c), OrganisationId),
        ["Edit a framework entry they own, or that a post they hold owns"] = c =>
            Permissions.CanEditObjective(ActorFor(c), OtherUnit, OwnPost, null) && Permissions.CanEditObjective(ActorFor(c), OtherUnit, null, OwnPerson),
        ["Edit a framework entry of a unit in their scope that they do not own"] = c =>
            Permissions.CanEditObjective(ActorFor(c), ChildUnit, OtherPost, null),
        ["Edit a framework entry outside their scope that they do not own"] = c =>
            Permissions.CanEditObjective(ActorFor(c), OtherUnit, OtherPost, null) || Permissions.CanEditObjective(ActorFor(c), null, null, null),
        ["Add or delete a framework entry in a unit in their scope"] = c => Permissions.CanCreateOrDeleteObjective(ActorFor(c), ChildUnit),
        ["Add or delete a framework entry outside their scope"] = c =>
            Permissions.CanCreateOrDeleteObjective(ActorFor(c), OtherUnit) || Permissions.CanCreateOrDeleteObjective(ActorFor(c), null),
        ["Change the names of the framework's levels"] = c => Permissions.CanManageLevels(ActorFor(c)),
        ["Change the plan types and the plan section template"] = c => Permissions.CanManagePlanTemplates(ActorFor(c)),
        ["Define, change or delete an indicator or its targets in a unit in their scope"] = c => Permissions.CanManageIndicator(ActorFor(c), ChildUnit),
        ["Define, change or delete an indicator or its targets outside their scope"] = c =>
            Permissions.CanManageIndicator(ActorFor(c), OtherUnit) || Permissions.CanManageIndicator(ActorFor(c), null),
        ["Enter or change values of an indicator they own or lead, or that a post they hold owns or leads"] = c =>
            Permissions.CanEnterIndicatorValues(ActorFor(c), OtherUnit, OwnPost, null, null, null)
            && Permissions.CanEnterIndicatorValues(ActorFor(c), OtherUnit, null, OwnPerson, null, null)
            && Permissions.CanEnterIndicatorValues(ActorFor(c), OtherUnit, null, null, OwnPost, null)
            && Permissions.CanEnterIndicatorValues(ActorFor(c), OtherUnit, null, null, null, OwnPerson),
        ["Enter or change values of an indicator of a unit in their scope that they do not own"] = c =>
            Permissions.CanEnterIndicatorValues(ActorFor(c), ChildUnit, OtherPost, null, OtherPost, null),
        ["Enter or change values of an indicator outside their scope that they do not own"] = c =>
            Permissions.CanEnterIndicatorValues(ActorFor(c), OtherUnit, OtherPost, null, OtherPost, null)
            || Permissions.CanEnterIndicatorValues(ActorFor(c), null, null, null, null, null),
        ["Verify a value of an indicator in a unit in their scope, entered by someone else"] = c =>
            Permissions.CanVerifyIndicatorValues(ActorFor(c), ChildUnit) && Permissions.CanVerifyValueEnteredBy(ActorFor(c), OtherUser),
        ["Verify a value of an indicator outside their scope, entered by someone else"] = c =>
            (Permissions.CanVerifyIndicatorValues(ActorFor(c), OtherUnit) || Permissions.CanVerifyIndicatorValues(ActorFor(c), null))
            && Permissions.CanVerifyValueEnteredBy(ActorFor(c), OtherUser),
        ["Verify a value they entered themselves"] = c =>
            Permissions.CanVerifyIndicatorValues(ActorFor(c), ChildUnit) && Permissions.CanVerifyValueEnteredBy(ActorFor(c), ActorFor(c)?.UserId),
        ["Read an approved or published plan"] = c =>
            Permissions.CanReadPlan(ActorFor(c), OrganisationId, Core.Plans.PlanState.Approved) && Permissions.CanReadPlan(ActorFor(c), OrganisationId, Core.Plans.PlanState.Published),
        ["Read a draft or submitted plan"] = c =>
            Permissions.CanReadPlan(ActorFor(c), OrganisationId, Core.Plans.PlanState.Draft) && Permissions.CanReadPlan(ActorFor(c), OrganisationId, Core.Plans.PlanState.Submitted),
        ["Change, roll forward or submit a plan of a unit in their scope"] = c => Permissions.CanEditPlan(ActorFor(c), ChildUnit),
        ["Change, roll forward or submit a plan outside their scope"] = c =>
            Permissions.CanEditPlan(ActorFor(c), OtherUnit) || Permissions.CanEditPlan(ActorFor(c), null),
        ["Approve, publish or return a plan to draft"] = c => Permissions.CanApprovePlans(ActorFor(c)),
        ["Record progress on an action they lead, or that a post they hold leads"] = c =>
            Permissions.CanUpdateAction(ActorFor(c), OtherUnit, [(OwnPost, null)]) && Permissions.CanUpdateAction(ActorFor(c), OtherUnit, [(OtherPost, null), (null, OwnPerson)]),
        ["Record progress on an action of a plan of a unit in their scope that they do not lead"] = c =>
            Permissions.CanUpdateAction(ActorFor(c), ChildUnit, [(OtherPost, null)]),
        ["Record progress on an action outside their scope that they do not lead"] = c =>
            Permissions.CanUpdateAction(ActorFor(c), OtherUnit, [(OtherPost, null)]) || Permissions.CanUpdateAction(ActorFor(c), null, []),
        ["Enter or change a breakdown figure of a part (a unit or a place) that a post they hold owns"] = c =>
            Permissions.CanEnterBreakdownValues(ActorFor(c), OtherUnit, OwnPost) && Permissions.CanEnterBreakdownValues(ActorFor(c), null, OwnPost),
        ["Enter or change a breakdown figure of a unit in their scope that they do not own"] = c => Permissions.CanEnterBreakdownValues(ActorFor(c), ChildUnit, OtherPost),
        ["Enter or change a breakdown figure of a part outside their scope that they do not own"] = c =>
            Permissions.CanEnterBreakdownValues(ActorFor(c), OtherUnit, OtherPost) || Permissions.CanEnterBreakdownValues(ActorFor(c), null, null),
        ["Add, rename or remove the organisation's places (wards, parishes, towns)"] = c => Permissions.CanManagePlaces(ActorFor(c)),
        ["Watch monitoring rounds: deadlines, completeness, who is outstanding"] = c => Permissions.CanViewRounds(ActorFor(c)),
        ["Open or close a monitoring round, set round deadlines and bank holidays"] = c => Permissions.CanRunRounds(ActorFor(c)),
        ["Create, change or delete a basket (a scorecard, the Health Card): its details, groups and items"] = c => Permissions.CanManageBaskets(ActorFor(c)),
        ["Correct a value, progress update or milestone progress of a period whose monitoring round has closed, with a reason"] = c =>
            Permissions.CanCorrectLockedPeriods(ActorFor(c)),
        ["Grant or end a lock exception (leave for a unit to correct its locked periods until an end date)"] = c => Permissions.CanManageLockExceptions(ActorFor(c)),
        ["Read the register of corrections and the lock exceptions"] = c => Permissions.CanReadCorrections(ActorFor(c)),
        ["Submit their own return"] = c => Waymark.Core.Returns.ReturnRules.IsOwner(ActorFor(c), OwnPerson),
        ["Sign off, or return an item of, a return of a unit in their scope"] = c =>
            Waymark.Core.Returns.ReturnRules.CanManage(ActorFor(c), ChildUnit, OtherPost, OwnPerson + 1),
        ["Sign off, or return an item of, a return of a unit whose head post they hold"] = c =>
            Waymark.Core.Returns.ReturnRules.CanManage(ActorFor(c), OtherUnit, OwnPost, OwnPerson + 1),
        ["Sign off, or return an item of, a return outside their scope"] = c =>
            Waymark.Core.Returns.ReturnRules.CanManage(ActorFor(c), OtherUnit, OtherPost, OwnPerson + 1),
        ["Sign off their own return"] = c => Waymark.Core.Returns.ReturnRules.CanManage(ActorFor(c), OwnUnit, OwnPost, OwnPerson),
        ["Read someone else's return outside their scope"] = c =>
            Waymark.Core.Returns.ReturnRules.CanRead(ActorFor(c), OtherUnit, OtherPost, OwnPerson + 1),
        ["Read the risk register"] = c => Permissions.CanRead(ActorFor(c), OrganisationId),
        ["Read baskets (scorecards) with their figures for a period, and download them"] = c => Permissions.CanRead(ActorFor(c), OrganisationId),
        ["Add a risk to the service register of a unit in their scope"] = c =>
            Permissions.CanCreateRisk(ActorFor(c), RiskRegisterLevel.Service, ChildUnit) && Permissions.CanCreateRisks(ActorFor(c)),
        ["Add a risk to the strategic register, or outside their scope"] = c =>
            Permissions.CanCreateRisk(ActorFor(c), RiskRegisterLevel.Strategic, ChildUnit) || Permissions.CanCreateRisk(ActorFor(c), RiskRegisterLevel.Service, OtherUnit),
        ["Change or close a risk they own, or that a post they hold owns, and its controls and further actions"] = c =>
            Permissions.CanEditRisk(ActorFor(c), OtherUnit, OwnPost, null) && Permissions.CanEditRisk(ActorFor(c), OtherUnit, null, OwnPerson),
        ["Change or close a risk of a unit in their scope that they do not own"] = c => Permissions.CanEditRisk(ActorFor(c), ChildUnit, OtherPost, null),
        ["Change or close a risk outside their scope that they do not own"] = c =>
            Permissions.CanEditRisk(ActorFor(c), OtherUnit, OtherPost, null) || Permissions.CanEditRisk(ActorFor(c), null, null, null),
        ["Review a risk they own, or that a post they hold owns"] = c =>
            Permissions.CanReviewRisk(ActorFor(c), OtherUnit, OwnPost, null) && Permissions.CanReviewRisk(ActorFor(c), OtherUnit, null, OwnPerson),
        // Proposing is open to whoever may change the risk (RiskEscalationEditor).
        ["Propose a service risk they may change for the strategic register"] = c => Permissions.CanEditRisk(ActorFor(c), ChildUnit, OtherPost, null),
        ["Accept or decline a risk proposed for the strategic register"] = c => Permissions.CanDecideRiskEscalations(ActorFor(c)),
        ["Change the risk matrix (scales, impact criteria, bands, categories, appetite)"] = c => Permissions.CanManageRiskMatrix(ActorFor(c)),
        ["Change units, posts and people"] = c => Permissions.CanManageStructure(ActorFor(c)),
        ["Add users, change their roles, disable them, reset passwords"] = c => Permissions.CanManageUsers(ActorFor(c)),
        ["Change the organisation's settings"] = c => Permissions.CanManageOrganisation(ActorFor(c)),
        ["Change the round settings (default deadlines, grace, auto-close, closing soon) and bank-holiday changes"] = c => Permissions.CanManageOrganisation(ActorFor(c)),
        ["Read the message log"] = c => Permissions.CanReadMessageLog(ActorFor(c)),
        ["Change the message templates and the reminder schedule"] = c => Permissions.CanManageMessages(ActorFor(c)),
        ["Send a reminder now to an owner whose return is outstanding"] = c => Permissions.CanSendReminders(ActorFor(c)),
        ["Mark their own notices as read"] = c => Permissions.CanMarkNoticeRead(ActorFor(c), OwnPerson),
        ["Read the audit trail"] = c => Permissions.CanViewAudit(ActorFor(c)),
        ["Read their members' account changes made outside the organisation (passwords, API tokens)"] = c => Permissions.CanViewUnassignedAudit(ActorFor(c)),
        ["Anything in an organisation they are not a member of, beyond its published framework"] = c =>
            Permissions.CanRead(ActorFor(c, organisationId: 2), OrganisationId)
            || Permissions.CanReadFramework(ActorFor(c, organisationId: 2), Org(published: false)),
        ["Any change at all, with a read-only API token"] = c =>
            Permissions.CanEditObjective(ActorFor(c, readOnly: true), OwnUnit, OwnPost, OwnPerson)
            || Permissions.CanCreateOrDeleteObjective(ActorFor(c, readOnly: true), OwnUnit)
            || Permissions.CanManageLevels(ActorFor(c, readOnly: true))
            || Permissions.CanManagePlanTemplates(ActorFor(c, readOnly: true))
            || Permissions.CanManageIndicator(ActorFor(c, readOnly: true), OwnUnit)
            || Waymark.Core.Returns.ReturnRules.IsOwner(ActorFor(c, readOnly: true), OwnPerson)
            || Waymark.Core.Returns.ReturnRules.CanManage(ActorFor(c, readOnly: true), OwnUnit, OwnPost, OwnPerson + 1)
            || Permissions.CanEnterIndicatorValues(ActorFor(c, readOnly: true), OwnUnit, OwnPost, OwnPerson, OwnPost, OwnPerson)
            || Permissions.CanVerifyIndicatorValues(ActorFor(c, readOnly: true), OwnUnit)
            || Permissions.CanEditPlan(ActorFor(c, readOnly: true), OwnUnit)
            || Permissions.CanApprovePlans(ActorFor(c, readOnly: true))
            || Permissions.CanUpdateAction(ActorFor(c, readOnly: true), OwnUnit, [(OwnPost, OwnPerson)])
            || Permissions.CanRunRounds(ActorFor(c, readOnly: true))
            || Permissions.CanManageBaskets(ActorFor(c, readOnly: true))
            || Permissions.CanCorrectLockedPeriods(ActorFor(c, readOnly: true))
            || Permissions.CanManageLockExceptions(ActorFor(c, readOnly: true))
            || Permissions.CanManageStructure(ActorFor(c, readOnly: true))
            || Permissions.CanManageUsers(ActorFor(c, readOnly: true))
            || Permissions.CanManageOrganisation(ActorFor(c, readOnly: true))
            || Permissions.CanManageMessages(ActorFor(c, readOnly: true))
            || Permissions.CanSendReminders(ActorFor(c, readOnly: true))
            || Permissions.CanMarkNoticeRead(ActorFor(c, readOnly: true), OwnPerson)
            || Permissions.CanEditRisk(ActorFor(c, readOnly: true), OwnUnit, OwnPost, OwnPerson)
            || Permissions.CanCreateRisk(ActorFor(c, readOnly: true), RiskRegisterLevel.Service, OwnUnit)
            || Permissions.CanReviewRisk(ActorFor(c, readOnly: true), OwnUnit, OwnPost, OwnPerson)
            || Permissions.CanDecideRiskEscalations(ActorFor(c, readOnly: true))
            || Permissions.CanManageRiskMatrix(ActorFor(c, readOnly: true))
            || Permissions.CanEnterBreakdownValues(ActorFor(c, readOnly: true), OwnUnit, OwnPost)
            || Permissions.CanManagePlaces(ActorFor(c, readOnly: true)),
    };

    private static List<string[]> Rows()
    {
        var path = RepositoryFiles.PathOf("docs", "permissions.md");
        var lines = File.ReadAllLines(path).Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        Assert.Equal(["Scenario", .. Columns], header);
        return lines.Skip(2).Select(Cells).ToList();
    }

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    [Fact]
    public void Document_EveryCellMatchesTheCode()
    {
        var mismatches = new List<string>();
        foreach (var row in Rows())
        {
            Assert.True(Scenarios.TryGetValue(row[0], out var scenario), $"docs/permissions.md has a row the test does not know: \"{row[0]}\".");
            for (var i = 0; i < Columns.Length; i++)
            {
                var documented = row[i + 1] switch
                {
                    "yes" => true,
                    "no" => false,
                    var other => throw new InvalidOperationException($"Cell \"{other}\" in row \"{row[0]}\" must be yes or no."),
                };
                if (scenario(Columns[i]) != documented)
                {
                    mismatches.Add($"{row[0]} / {Columns[i]}: the document says {row[i + 1]}, the code says {(documented ? "no" : "yes")}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Document_HasEveryScenarioTheTestKnows()
    {
        var documented = Rows().Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Scenarios.Keys, k => !documented.Contains(k));
    }
}

using Microsoft.AspNetCore.Authorization;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>
/// The authorization policies. Each asks <see cref="Permissions"/> (the rules live in Core); every
/// page and endpoint is denied unless one of these, or an explicit AllowAnonymous, lets it through.
/// </summary>
public static class Policies
{
    /// <summary>Signed in and a member of the organisation in the URL.</summary>
    public const string Member = nameof(Member);

    /// <summary>May edit framework entries in the organisation (which ones is checked per entry).</summary>
    public const string EditFramework = nameof(EditFramework);

    public const string ManageLevels = nameof(ManageLevels);

    /// <summary>The plan types and the plan section template.</summary>
    public const string ManagePlanTemplates = nameof(ManagePlanTemplates);

    public const string ManageStructure = nameof(ManageStructure);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageOrganisation = nameof(ManageOrganisation);
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>May define indicators for some unit (which indicators is checked per indicator).</summary>
    public const string ManageIndicators = nameof(ManageIndicators);

    /// <summary>May enter values for some indicators (which ones is checked per indicator).</summary>
    public const string EnterValues = nameof(EnterValues);

    /// <summary>May verify some indicators' values (which ones is checked per value).</summary>
    public const string VerifyValues = nameof(VerifyValues);

    /// <summary>Read plans: members (which plans, by state, is checked per plan: councillors read approved and published ones).</summary>
    public const string ReadPlans = nameof(ReadPlans);

    /// <summary>May start plans for some unit (which plans may be changed is checked per plan).</summary>
    public const string CreatePlans = nameof(CreatePlans);

    /// <summary>Watch monitoring rounds: their deadlines, completeness and who is outstanding.</summary>
    public const string ViewRounds = nameof(ViewRounds);

    /// <summary>Open and close monitoring rounds.</summary>
    public const string RunRounds = nameof(RunRounds);
    /// <summary>Read the restatement register and the lock exceptions: the central team and auditors.</summary>
    public const string ReadCorrections = nameof(ReadCorrections);

    /// <summary>Grant and end lock exceptions: the central team.</summary>
    public const string ManageLockExceptions = nameof(ManageLockExceptions);
    /// <summary>The message log: the performance team.</summary>
    public const string ReadMessageLog = nameof(ReadMessageLog);

    /// <summary>Message templates and the reminder schedule: administrators.</summary>
    public const string ManageMessages = nameof(ManageMessages);
    /// <summary>May change or review some risks (which ones is checked per risk).</summary>
    public const string EditRisks = nameof(EditRisks);

    /// <summary>The risk matrix: administrators.</summary>
    public const string ManageRiskMatrix = nameof(ManageRiskMatrix);

    /// <summary>Create, change and delete baskets (scorecards): the central team.</summary>
    public const string ManageBaskets = nameof(ManageBaskets);
    /// <summary>The organisation's places (wards, parishes, towns): the central team.</summary>
    public const string ManagePlaces = nameof(ManagePlaces);

    internal static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        Add(options, Member, _ => true);
        Add(options, EditFramework, Permissions.MayEditSomeObjectives);
        Add(options, ManageLevels, Permissions.CanManageLevels);
        Add(options, ManagePlanTemplates, Permissions.CanManagePlanTemplates);
        Add(options, ManageStructure, Permissions.CanManageStructure);
        Add(options, ManageUsers, Permissions.CanManageUsers);
        Add(options, ManageOrganisation, Permissions.CanManageOrganisation);
        Add(options, ViewAudit, Permissions.CanViewAudit);
        Add(options, ReadMessageLog, Permissions.CanReadMessageLog);
        Add(options, ManageMessages, Permissions.CanManageMessages);
        Add(options, ManageIndicators, Permissions.CanCreateIndicators);
        Add(options, EnterValues, Permissions.MayEnterSomeValues);
        Add(options, VerifyValues, Permissions.MayVerifySomeValues);
        Add(options, ReadPlans, _ => true);
        Add(options, CreatePlans, Permissions.CanCreatePlans);
        Add(options, ViewRounds, Permissions.CanViewRounds);
        Add(options, RunRounds, Permissions.CanRunRounds);
        Add(options, ReadCorrections, Permissions.CanReadCorrections);
        Add(options, ManageLockExceptions, Permissions.CanManageLockExceptions);
        Add(options, EditRisks, Permissions.MayEditSomeRisks);
        Add(options, ManageRiskMatrix, Permissions.CanManageRiskMatrix);
        Add(options, ManageBaskets, Permissions.CanManageBaskets);
        Add(options, ManagePlaces, Permissions.CanManagePlaces);
    }

    private static void Add(AuthorizationOptions options, string name, Func<Actor, bool> allows) =>
        options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new ActorRequirement(allows)));
}

/// <summary>Met when the user is a member of the current organisation and the rule allows their actor.</summary>
internal sealed class ActorRequirement(Func<Actor, bool> allows) : IAuthorizationRequirement
{
    public bool Allows(Actor actor) => allows(actor);
}

internal sealed class ActorRequirementHandler(CurrentUser current) : AuthorizationHandler<ActorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActorRequirement requirement)
    {
        if (await current.ActorAsync() is { } actor && requirement.Allows(actor))
        {
            context.Succeed(requirement);
        }
    }
}

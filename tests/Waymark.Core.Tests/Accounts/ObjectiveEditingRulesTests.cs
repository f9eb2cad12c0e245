using Waymark.Core.Accounts;

namespace Waymark.Core.Tests.Accounts;

/// <summary>The rules added for the framework editor: who may add entries at all, and move one to another unit.</summary>
public class ObjectiveEditingRulesTests
{
    private static Actor Make(Role role, int[]? units = null, bool wholeOrganisation = false, bool readOnly = false) =>
        new(1, "Someone", 1, role, wholeOrganisation, (units ?? []).ToHashSet(), 10, new HashSet<int>(), readOnly);

    [Theory]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.PerformanceOfficer, true)]
    [InlineData(Role.LeadOfficer, false)]
    [InlineData(Role.Councillor, false)]
    [InlineData(Role.Auditor, false)]
    public void CanCreateObjectives_FollowsTheRole(Role role, bool expected) =>
        Assert.Equal(expected, Permissions.CanCreateObjectives(Make(role, [5])));

    [Fact]
    public void CanCreateObjectives_ServiceManager_OnlyWithUnits()
    {
        Assert.True(Permissions.CanCreateObjectives(Make(Role.ServiceManager, [5])));
        Assert.True(Permissions.CanCreateObjectives(Make(Role.ServiceManager, wholeOrganisation: true)));
        Assert.False(Permissions.CanCreateObjectives(Make(Role.ServiceManager)));
    }

    [Fact]
    public void CanCreateObjectives_NeverWithAReadOnlyTokenOrNoActor()
    {
        Assert.False(Permissions.CanCreateObjectives(Make(Role.Administrator, readOnly: true)));
        Assert.False(Permissions.CanCreateObjectives(null));
    }

    [Fact]
    public void CanMoveObjectiveToUnit_ServiceManager_OnlyIntoTheirUnits()
    {
        var manager = Make(Role.ServiceManager, [5, 6]);

        Assert.True(Permissions.CanMoveObjectiveToUnit(manager, 6));
        Assert.False(Permissions.CanMoveObjectiveToUnit(manager, 7));
        Assert.False(Permissions.CanMoveObjectiveToUnit(manager, null));
        Assert.True(Permissions.CanMoveObjectiveToUnit(Make(Role.PerformanceOfficer), null));
        // A lead officer may change what they own, but never move it to another unit.
        Assert.False(Permissions.CanMoveObjectiveToUnit(Make(Role.LeadOfficer, [5]), 5));
    }
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Rounds;

/// <summary>An organisation's round settings and bank-holiday changes: administrators only, checked, and counted by deadlines.</summary>
public class RoundSettingsEditorTests
{
    private static Actor As(Organisation org, Role role) => new(1, "Ada Admin", org.Id, role, true, new HashSet<int>(), null, new HashSet<int>());

    private static async Task<(TestDatabase Database, Organisation Org)> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Settings Council", ShortName = "Settings", Slug = TestDatabase.UniqueSlug("round-settings") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return (database, org);
    }

    private static WaymarkDbContext Enter(TestDatabase database, Organisation org)
    {
        var scope = new OrganisationScope();
        scope.Enter(org);
        return database.CreateContext(scope);
    }

    [Fact]
    public async Task Save_ChecksEachFieldByItself_AndSavesTheDefaultsANewRoundStartsFrom()
    {
        var (database, org) = await SetUpAsync();
        await using var db = Enter(database, org);
        var editor = new RoundSettingsEditor(db);
        var version = (await editor.OpenAsync(As(org, Role.Administrator))).Record!.Version;

        var bad = await editor.SaveAsync(As(org, Role.Administrator), version, new RoundSettingsInput("", "two", "400", null, "3"));
        var saved = await editor.SaveAsync(As(org, Role.Administrator), version, new RoundSettingsInput("8", "4", "2", "30", "0"));

        Assert.Equal(EditOutcome.Invalid, bad.Outcome);
        Assert.Equal("Enter how many working days after the period ends returns are due", bad.Errors[RoundSettingsFields.ReturnsWorkingDays]);
        Assert.Equal("The number of days must be a whole number from 0 to 120", bad.Errors[RoundSettingsFields.SignOffWorkingDays]);
        Assert.Equal("The number of days must be a whole number from 0 to 365", bad.Errors[RoundSettingsFields.GraceDays]);
        Assert.Equal(EditOutcome.Done, saved.Outcome);
        var now = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org.Id);
        Assert.Equal((8, 4, 2, (int?)30, 0), (now.ReturnsWorkingDays, now.SignOffWorkingDays, now.RoundGraceDays, now.RoundAutoCloseDays, now.ClosingSoonWorkingDays));
    }

    [Fact]
    public async Task Save_ByAPerformanceOfficer_IsForbidden_AndAStaleVersionIsAConflict()
    {
        var (database, org) = await SetUpAsync();
        await using var db = Enter(database, org);
        var editor = new RoundSettingsEditor(db);
        var input = new RoundSettingsInput("10", "5", null, null, "3");

        Assert.Equal(EditOutcome.Forbidden, (await editor.SaveAsync(As(org, Role.PerformanceOfficer), Guid.NewGuid(), input)).Outcome);
        Assert.Equal(EditOutcome.Conflict, (await editor.SaveAsync(As(org, Role.Administrator), Guid.NewGuid(), input)).Outcome);
    }

    [Fact]
    public async Task Changes_AddAClosureAndAWorkedBankHoliday_RefuseWhatIsNoChange_AndMoveTheDeadlines()
    {
        var (database, org) = await SetUpAsync();
        await using var db = Enter(database, org);
        var editor = new RoundSettingsEditor(db);
        var admin = As(org, Role.Administrator);

        var closure = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 3), true, "Council closure day"));
        var worked = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 2), false, null));
        var again = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 3), true, "Again"));
        var notAHoliday = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 4), false, null));
        var weekend = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 7), true, "Saturday"));
        var unnamed = await editor.AddChangeAsync(admin, new BankHolidayChangeInput(new DateOnly(2012, 1, 5), true, " "));

        Assert.Equal(EditOutcome.Done, closure.Outcome);
        Assert.Equal(EditOutcome.Done, worked.Outcome);
        Assert.Equal("There is already a change for Tuesday 3 January 2012: remove it first", again.Errors[RoundSettingsFields.Date]);
        Assert.Contains("is not an England and Wales bank holiday", notAHoliday.Errors[RoundSettingsFields.Date], StringComparison.Ordinal);
        Assert.Contains("weekend", weekend.Errors[RoundSettingsFields.Date], StringComparison.Ordinal);
        Assert.Equal("Enter a name for the closure day", unnamed.Errors[RoundSettingsFields.Name]);
        var calendar = await editor.CalendarAsync(2012);
        Assert.Contains(calendar, r => r.Date == new DateOnly(2012, 1, 2) && r.Worked);
        Assert.Contains(calendar, r => r.Date == new DateOnly(2012, 1, 3) && r.Name == "Council closure day" && !r.EnglandAndWales);

        // Working Monday 2 January and closing Tuesday 3 January leaves the count where it was, one day along.
        var holidays = HolidayCalendar.For(await db.BankHolidayChanges.AsNoTracking().ToListAsync());
        Assert.Equal(new DateOnly(2012, 1, 2), WorkingDays.After(new DateOnly(2011, 12, 31), 1, holidays));

        Assert.Equal(EditOutcome.Done, (await editor.RemoveChangeAsync(admin, closure.Record!.Id)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await editor.RemoveChangeAsync(admin, closure.Record.Id)).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await editor.RemoveChangeAsync(As(org, Role.PerformanceOfficer), worked.Record!.Id)).Outcome);
    }
}

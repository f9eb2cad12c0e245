using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Spreadsheets;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Plans;

/// <summary>Actions through <see cref="ActionEditor"/>, <see cref="ActionProgress"/> and <see cref="ActionQueries"/>, on a clock in May 2010.</summary>
public class ActionEditingTests
{
    /// <summary>10 May 2010: Q1 2010/11; an action due "Mar 10" is overdue.</summary>
    private static readonly DateTimeOffset Now = new(2010, 5, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Create_WithLeadsAndOngoingDue_KeepsTheTextAndNoMonth()
    {
        await using var f = await ActionFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new ActionEditor(db, f.Clock).CreateAsync(f.Officer(), f.PlanId, new ActionInput
        {
            Kind = ActionKind.ImprovementAction, Reference = "1.1.1", Title = "Review the customer service standards",
            Leads = [new(f.PostId, null, null), new(null, null, "Paul Swift / E&DO")],
            Start = "From Apr 09", Due = "Ongoing", State = ActionState.InProgress, ResourcesText = "Officer time", ResourcesAmount = "£1,500.50",
            LinkText = "NI 14", LinkedObjectiveIds = [],
        });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var saved = await f.Context().PlanActions.Include(a => a.Leads).Include(a => a.Links).SingleAsync(a => a.Id == result.Record!.Id);
        Assert.Equal("Ongoing", saved.DueText);
        Assert.Null(saved.DueMonth);
        Assert.Equal("From Apr 09", saved.StartText);
        Assert.Equal(Period.Month(2009, 4), saved.StartMonth);
        Assert.Equal(1500.50m, saved.ResourcesAmount);
        Assert.Equal(2, saved.Leads.Count);
        Assert.Contains(saved.Leads, l => l.PostId == f.PostId);
        Assert.Contains(saved.Leads, l => l.Name == "Paul Swift / E&DO");
        Assert.Equal("NI 14", Assert.Single(saved.Links).Text);
        Assert.False(ActionRules.IsOverdue(saved, DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Theory]
    [InlineData("-5", "£0 or more")]
    [InlineData("12.345", "no more than 2 decimal places")]
    [InlineData("a lot", "in pounds")]
    public async Task Create_WithABadAmount_IsRefusedOnTheAmount(string amount, string expected)
    {
        await using var f = await ActionFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new ActionEditor(db, f.Clock).CreateAsync(f.Officer(), f.PlanId, f.Input() with { ResourcesAmount = amount });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Errors[ActionFields.ResourcesAmount], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutTitleOrLead_NamesEachField()
    {
        await using var f = await ActionFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new ActionEditor(db, f.Clock).CreateAsync(f.Officer(), f.PlanId, f.Input() with { Title = " ", Leads = [] });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(ActionFields.Title));
        Assert.True(result.Errors.ContainsKey(ActionFields.Leads));
    }

    [Fact]
    public async Task Update_OnANonDraftPlan_IsRefused_AndByALeadOfficerForbidden()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 10");
        var version = await f.VersionAsync(actionId);

        await using (var db = f.Context())
        {
            var forbidden = await new ActionEditor(db, f.Clock).UpdateAsync(f.Lead(), f.PlanId, actionId, f.Input() with { Version = version });
            Assert.Equal(EditOutcome.Forbidden, forbidden.Outcome);
        }

        await f.SetPlanStateAsync(PlanState.Submitted);
        await using (var db = f.Context())
        {
            var result = await new ActionEditor(db, f.Clock).UpdateAsync(f.Officer(), f.PlanId, actionId, f.Input() with { Title = "Changed", Version = version });
            Assert.Equal(EditOutcome.Refused, result.Outcome);
            Assert.Equal(ActionEditor.NotDraftReason, result.Reason);
        }

        Assert.Equal("Action", (await f.Context().PlanActions.SingleAsync(a => a.Id == actionId)).Title);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflict_AndDeleteWorks()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 10");
        var version = await f.VersionAsync(actionId);
        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionEditor(db, f.Clock).UpdateAsync(f.Officer(), f.PlanId, actionId, f.Input() with { Title = "First", Version = version })).Outcome);
        }

        await using (var db = f.Context())
        {
            var stale = await new ActionEditor(db, f.Clock).UpdateAsync(f.Officer(), f.PlanId, actionId, f.Input() with { Title = "Second", Version = version });
            Assert.Equal(EditOutcome.Conflict, stale.Outcome);
            Assert.Equal("First", stale.Record!.Title);
        }

        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionEditor(db, f.Clock).DeleteAsync(f.Officer(), f.PlanId, actionId, await f.VersionAsync(actionId))).Outcome);
        }

        Assert.False(await f.Context().PlanActions.AnyAsync(a => a.Id == actionId));
    }

    [Fact]
    public async Task Update_ReplacesLeadsAndLinks_AndRefusesAParentLoop()
    {
        await using var f = await ActionFixture.CreateAsync();
        var parent = await f.AddActionAsync("Mar 11");
        var child = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            var result = await new ActionEditor(db, f.Clock).UpdateAsync(f.Officer(), f.PlanId, child, f.Input() with
            {
                ParentId = parent, Leads = [new(null, f.PersonId, null), new(null, null, "Head of Service")], LinkText = "Outcome 3", Version = await f.VersionAsync(child),
            });
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        var saved = await f.Context().PlanActions.Include(a => a.Leads).Include(a => a.Links).SingleAsync(a => a.Id == child);
        Assert.Equal(parent, saved.ParentId);
        Assert.Equal([(int?)null, null], saved.Leads.Select(l => l.PostId));
        Assert.Contains(saved.Leads, l => l.PersonId == f.PersonId);
        Assert.Equal(2, await f.Context().ActionLeads.CountAsync(l => l.ActionId == child));
        Assert.Equal("Outcome 3", Assert.Single(saved.Links).Text);

        await using (var db = f.Context())
        {
            var loop = await new ActionEditor(db, f.Clock).UpdateAsync(f.Officer(), f.PlanId, parent, f.Input() with { ParentId = child, Version = await f.VersionAsync(parent) });
            Assert.Equal(EditOutcome.Invalid, loop.Outcome);
            Assert.True(loop.Errors.ContainsKey(ActionFields.ParentId));
            var refused = await new ActionEditor(db, f.Clock).DeleteAsync(f.Officer(), f.PlanId, parent, await f.VersionAsync(parent));
            Assert.Equal(EditOutcome.Refused, refused.Outcome);
        }
    }

    [Fact]
    public async Task Green_IsRefusedWhileOverdue_AndAcceptedAfterADueRevision_WhichIsKept()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 10");

        await using (var db = f.Context())
        {
            var refused = await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Green", "On track", null));
            Assert.Equal(EditOutcome.Invalid, refused.Outcome);
            Assert.Contains("cannot be assessed Green until its due date is revised", refused.Errors[ActionFields.Rag], StringComparison.Ordinal);
        }

        await using (var db = f.Context())
        {
            var noReason = await new ActionProgress(db, f.Clock).ReviseDueAsync(f.Lead(), f.PlanId, actionId, new DueRevisionInput("Dec 10", " ", await f.VersionAsync(actionId)));
            Assert.True(noReason.Errors.ContainsKey(ActionFields.Reason));
            var revised = await new ActionProgress(db, f.Clock).ReviseDueAsync(f.Lead(), f.PlanId, actionId, new DueRevisionInput("December 2010", "Consultation extended", await f.VersionAsync(actionId)));
            Assert.Equal(EditOutcome.Done, revised.Outcome);
        }

        await using (var db = f.Context())
        {
            var accepted = await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput(Period.Quarter(2010, 1, 4).Code, "green", "On track for December", null));
            Assert.Equal(EditOutcome.Done, accepted.Outcome);
            Assert.Equal("Lead Officer", accepted.Record!.ByName);
            Assert.Equal(Now, accepted.Record.At);
        }

        var action = await f.Context().PlanActions.Include(a => a.Revisions).Include(a => a.Updates).SingleAsync(a => a.Id == actionId);
        Assert.Equal(Period.Month(2010, 12), action.RevisedDueMonth);
        Assert.Equal(Period.Month(2010, 3), action.DueMonth);
        var revision = Assert.Single(action.Revisions);
        Assert.Equal(Period.Month(2010, 3), revision.FromMonth);
        Assert.Equal(Period.Month(2010, 12), revision.ToMonth);
        Assert.Equal("Consultation extended", revision.Reason);
        Assert.Equal(Rag.Green, Assert.Single(action.Updates).Rag);
    }

    [Fact]
    public async Task ASecondUpdateForTheQuarter_ReplacesTheFirst_OnlyWithItsVersion()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        var read = await f.VersionAsync(actionId);
        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "First", read))).Outcome);
        }

        await using (var db = f.Context())
        {
            // Opened before the first was saved: the version it read is stale.
            var stale = await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Officer(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Red", "Second", read));
            Assert.Equal(EditOutcome.Conflict, stale.Outcome);
            Assert.Equal("First", stale.Record!.Commentary);
        }

        await using (var db = f.Context())
        {
            var replaced = await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Officer(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Red", "Second", await f.VersionAsync(actionId)));
            Assert.Equal(EditOutcome.Done, replaced.Outcome);
        }

        var update = Assert.Single(await f.Context().ActionUpdates.Where(u => u.ActionId == actionId).ToListAsync());
        Assert.Equal(Rag.Red, update.Rag);
        Assert.Equal("Second", update.Commentary);
    }

    [Fact]
    public async Task Progress_ByAnOfficerWhoDoesNotLead_IsForbidden_ButAllowedOnASubmittedPlan()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        await f.SetPlanStateAsync(PlanState.Published);
        await using var db = f.Context();
        var progress = new ActionProgress(db, f.Clock);

        var other = new Actor(99, "Other Officer", f.OrganisationId, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int>());
        Assert.Equal(EditOutcome.Forbidden, (await progress.RecordUpdateAsync(other, f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "x", null))).Outcome);
        Assert.Equal(EditOutcome.Done, (await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "x", null))).Outcome);
        Assert.Equal(EditOutcome.Invalid, (await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q2 2010/11", "Amber", "x", null))).Outcome);
    }

    [Fact]
    public async Task Complete_DefaultsTheDateToToday_AndStopsBeingOverdue()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 10");
        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionProgress(db, f.Clock).CompleteAsync(f.Lead(), f.PlanId, actionId, null, await f.VersionAsync(actionId))).Outcome);
        }

        var action = await f.Context().PlanActions.SingleAsync(a => a.Id == actionId);
        Assert.Equal(ActionState.Completed, action.State);
        Assert.Equal(new DateOnly(2010, 5, 10), action.CompletedOn);
        Assert.False(ActionRules.IsOverdue(action, new DateOnly(2010, 5, 10)));
    }

    [Fact]
    public async Task SetState_RefusesAFutureCompletionDate_ButIgnoresADateForOtherStates()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        var tomorrow = new DateOnly(2010, 5, 11);
        await using (var db = f.Context())
        {
            var progress = new ActionProgress(db, f.Clock);
            var future = await progress.SetStateAsync(f.Lead(), f.PlanId, actionId, ActionState.Completed, tomorrow, await f.VersionAsync(actionId));
            Assert.Equal(EditOutcome.Invalid, future.Outcome);
            Assert.Contains(ActionFields.CompletedOn, future.Errors.Keys);

            var deferred = await progress.SetStateAsync(f.Lead(), f.PlanId, actionId, ActionState.Deferred, tomorrow, await f.VersionAsync(actionId));
            Assert.Equal(EditOutcome.Done, deferred.Outcome);
        }

        var action = await f.Context().PlanActions.SingleAsync(a => a.Id == actionId);
        Assert.Equal(ActionState.Deferred, action.State);
        Assert.Null(action.CompletedOn);
    }

    [Fact]
    public async Task DeleteUpdate_NeedsTheVersion_RemovesOnlyThatQuarter_AndAStaleVersionIsAConflict()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            var progress = new ActionProgress(db, f.Clock);
            await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q4 2009/10", "Green", "Last year", null));
            await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "This quarter", await f.VersionAsync(actionId)));
        }

        var read = await f.VersionAsync(actionId);
        await using (var db = f.Context())
        {
            var progress = new ActionProgress(db, f.Clock);
            Assert.True((await progress.DeleteUpdateAsync(f.Lead(), f.PlanId, actionId, "Q1 2010/11", null)).Errors.ContainsKey("version"));
            Assert.True((await progress.DeleteUpdateAsync(f.Lead(), f.PlanId, actionId, "someday", read)).Errors.ContainsKey(ActionFields.Quarter));
            Assert.Equal(EditOutcome.NotFound, (await progress.DeleteUpdateAsync(f.Lead(), f.PlanId, actionId, "Q3 2009/10", read)).Outcome);
            var deleted = await progress.DeleteUpdateAsync(f.Lead(), f.PlanId, actionId, Period.Quarter(2010, 1, 4).Code, read);
            Assert.Equal(EditOutcome.Done, deleted.Outcome);
            Assert.Equal("This quarter", deleted.Record!.Commentary);
        }

        await using (var db = f.Context())
        {
            // The delete moved the action's version on: the version read before it is stale.
            var stale = await new ActionProgress(db, f.Clock).DeleteUpdateAsync(f.Lead(), f.PlanId, actionId, "Q4 2009/10", read);
            Assert.Equal(EditOutcome.Conflict, stale.Outcome);
            Assert.Equal("Last year", stale.Record!.Commentary);
        }

        var left = Assert.Single(await f.Context().ActionUpdates.Where(u => u.ActionId == actionId).ToListAsync());
        Assert.Equal(Period.Quarter(2009, 4, 4), left.Quarter);
    }

    [Fact]
    public async Task DeleteUpdate_ByAnOfficerWhoDoesNotLead_IsForbidden()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "Mine", null));
        }

        await using var other = f.Context();
        var stranger = new Actor(99, "Other Officer", f.OrganisationId, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int>());

        var result = await new ActionProgress(other, f.Clock).DeleteUpdateAsync(stranger, f.PlanId, actionId, "Q1 2010/11", await f.VersionAsync(actionId));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Single(await f.Context().ActionUpdates.Where(u => u.ActionId == actionId).ToListAsync());
    }

    [Theory]
    [InlineData("update")]
    [InlineData("delete")]
    [InlineData("record update")]
    [InlineData("delete update")]
    [InlineData("revise due")]
    [InlineData("set state")]
    [InlineData("complete")]
    public async Task ActionAddressedThroughAnotherPlan_IsNotFound_AndNothingChanges(string change)
    {
        await using var f = await ActionFixture.CreateAsync(ownDatabase: true); // counts the whole audit trail
        var actionId = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "Kept", null));
        }

        var otherPlanId = await f.AddPlanAsync();
        var version = await f.VersionAsync(actionId);
        var audited = await f.Context().AuditEntries.CountAsync();

        await using (var db = f.Context())
        {
            var editor = new ActionEditor(db, f.Clock);
            var progress = new ActionProgress(db, f.Clock);
            var outcome = change switch
            {
                "update" => (await editor.UpdateAsync(f.Officer(), otherPlanId, actionId, f.Input() with { Title = "Moved", Version = version })).Outcome,
                "delete" => (await editor.DeleteAsync(f.Officer(), otherPlanId, actionId, version)).Outcome,
                "record update" => (await progress.RecordUpdateAsync(f.Officer(), otherPlanId, actionId, new ProgressInput("Q1 2010/11", "Red", "Replaced", version))).Outcome,
                "delete update" => (await progress.DeleteUpdateAsync(f.Officer(), otherPlanId, actionId, "Q1 2010/11", version)).Outcome,
                "revise due" => (await progress.ReviseDueAsync(f.Officer(), otherPlanId, actionId, new DueRevisionInput("Dec 11", "Later", version))).Outcome,
                "set state" => (await progress.SetStateAsync(f.Officer(), otherPlanId, actionId, ActionState.Cancelled, null, version)).Outcome,
                _ => (await progress.CompleteAsync(f.Officer(), otherPlanId, actionId, null, version)).Outcome,
            };
            Assert.Equal(EditOutcome.NotFound, outcome);
        }

        await using var read = f.Context();
        var action = await read.PlanActions.Include(a => a.Updates).Include(a => a.Revisions).SingleAsync(a => a.Id == actionId);
        Assert.Equal((f.PlanId, "Action", ActionState.InProgress, version), (action.PlanId!.Value, action.Title, action.State, action.Version));
        Assert.Null(action.RevisedDueMonth);
        Assert.Empty(action.Revisions);
        Assert.Equal("Kept", Assert.Single(action.Updates).Commentary);
        Assert.Equal(audited, await read.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task MyActions_GroupsOverdue_NeedsUpdate_AndUpToDate()
    {
        await using var f = await ActionFixture.CreateAsync();
        var overdue = await f.AddActionAsync("Mar 10");
        var needs = await f.AddActionAsync("Mar 11");
        var upToDate = await f.AddActionAsync("Ongoing");
        var done = await f.AddActionAsync("Mar 10", ActionState.Completed);
        var notMine = await f.AddActionAsync("Mar 10", lead: false);
        await using (var db = f.Context())
        {
            await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, upToDate, new ProgressInput("Q1 2010/11", "Green", "Fine", null));
        }

        await using var read = f.Context();
        var mine = await new ActionQueries(read, f.Clock).MyActionsAsync(f.Lead(), 4);

        Assert.Equal([overdue], mine.Overdue.Select(r => r.Action.Id));
        Assert.Equal([needs], mine.NeedsUpdate.Select(r => r.Action.Id));
        Assert.Equal([upToDate], mine.UpToDate.Select(r => r.Action.Id));
        Assert.DoesNotContain(mine.Overdue.Concat(mine.NeedsUpdate).Concat(mine.UpToDate), r => r.Action.Id == done || r.Action.Id == notMine);
        Assert.Equal(Period.Quarter(2010, 1, 4), mine.CurrentQuarter);
    }

    [Fact]
    public async Task Export_KeepsPoundsAsNumbers_AndNeutralisesFormulas()
    {
        await using var f = await ActionFixture.CreateAsync();
        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionEditor(db, f.Clock).CreateAsync(f.Officer(), f.PlanId, f.Input() with { Title = "=HYPERLINK(\"x\")", ResourcesAmount = "2500.75" })).Outcome);
        }

        await using var read = f.Context();
        var queries = new ActionQueries(read, f.Clock);
        var plan = await read.Plans.SingleAsync(p => p.Id == f.PlanId);
        var table = ActionQueries.ExportTable(plan, await queries.PlanActionsAsync(f.PlanId, 4), 4);

        var row = Assert.Single(table.Rows);
        var amount = row[table.Headers.ToList().IndexOf("Additional resources (£)")];
        Assert.Equal(CellKind.Number, amount.Kind);
        Assert.Equal(2500.75m, amount.Number);
        var csv = System.Text.Encoding.UTF8.GetString(TableExport.ToCsv(table));
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
    }

    /// <summary>An organisation (April year) with a unit, a post held by a person, and a draft plan of the unit.</summary>
    [Fact]
    public async Task RecordUpdate_ForAQuarterOutsideThePlansYears_IsRefused_AndThisQuartersUpdateIsKept()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "This quarter's", null))).Outcome);
        }

        await using var again = f.Context();
        var refused = await new ActionProgress(again, f.Clock).RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2008/09", "Red", "Before the plan", await f.VersionAsync(actionId)));

        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Equal("Q1 2008/09 is not in this plan's years: choose a quarter from Q1 2009/10 to Q4 2010/11", refused.Errors[ActionFields.Quarter]);
        var update = await f.Context().ActionUpdates.SingleAsync(u => u.ActionId == actionId);
        Assert.Equal(("This quarter's", Rag.Amber), (update.Commentary, update.Rag!.Value));
    }

    [Fact]
    public async Task RecordUpdate_OnAPlanThatRecordsStatus_KeepsTheStatus_AndAsksForItRatherThanRag()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        await using (var db = f.Context())
        {
            (await db.Plans.SingleAsync(p => p.Id == f.PlanId)).Progress = PlanProgress.Status;
            await db.SaveChangesAsync();
        }

        await using var context = f.Context();
        var progress = new ActionProgress(context, f.Clock);
        var withoutStatus = await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Green", "Started", null));
        var withStatus = await progress.RecordUpdateAsync(f.Lead(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", null, "Started", null) { Status = "On going" });

        Assert.Equal("Choose On going, Complete or Not commenced", withoutStatus.Errors[ActionFields.Status]);
        Assert.Equal(EditOutcome.Done, withStatus.Outcome);
        var saved = await f.Context().ActionUpdates.SingleAsync(u => u.ActionId == actionId);
        Assert.Equal((null, ProgressStatus.OnGoing), (saved.Rag, saved.Status));
        Assert.Equal("On going", ActionRules.Assessment(saved));
    }

    [Fact]
    public async Task BulkProgress_WithOneRowRefused_SavesNothing_AndNamesThatRowsField()
    {
        await using var f = await ActionFixture.CreateAsync();
        var onTrack = await f.AddActionAsync("Mar 11");
        var overdue = await f.AddActionAsync("Mar 10");
        await using var db = f.Context();
        var editor = new BulkProgressEditor(db, new ActionProgress(db, f.Clock));

        var refused = await editor.RecordAsync(f.Lead(), "Q1 2010/11", [
            new(f.PlanId, onTrack, "Green", null, "On track", await f.VersionAsync(onTrack)),
            new(f.PlanId, overdue, "Green", null, "Nearly there", await f.VersionAsync(overdue)),
        ]);

        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.StartsWith("This action was due by", refused.Errors[BulkProgressFields.Rag(overdue)], StringComparison.Ordinal);
        Assert.DoesNotContain(BulkProgressFields.Rag(onTrack), refused.Errors.Keys);
        Assert.Equal(0, await f.Context().ActionUpdates.CountAsync(u => u.ActionId == onTrack || u.ActionId == overdue));
    }

    [Fact]
    public async Task BulkProgress_SavesEveryRowEntered_AndLeavesBlankRowsAlone()
    {
        await using var f = await ActionFixture.CreateAsync();
        var first = await f.AddActionAsync("Mar 11");
        var second = await f.AddActionAsync("Mar 10");
        var blank = await f.AddActionAsync("Mar 11");
        await using var db = f.Context();

        var saved = await new BulkProgressEditor(db, new ActionProgress(db, f.Clock)).RecordAsync(f.Lead(), "Q2010-04", [
            new(f.PlanId, first, "Green", null, "On track", await f.VersionAsync(first)),
            new(f.PlanId, second, "Red", null, "Overdue: revising", await f.VersionAsync(second)),
            new(f.PlanId, blank, null, null, "  ", await f.VersionAsync(blank)),
        ]);

        Assert.Equal(EditOutcome.Done, saved.Outcome);
        var updates = await f.Context().ActionUpdates.Where(u => u.ActionId == first || u.ActionId == second || u.ActionId == blank).ToListAsync();
        Assert.Equal([(first, Rag.Green), (second, Rag.Red)], updates.OrderBy(u => u.ActionId).Select(u => (u.ActionId, u.Rag!.Value)));
    }

    [Fact]
    public async Task BulkProgress_WhenSomeoneRecordedTheQuarterMeanwhile_ReportsIt_AndKeepsTheirs()
    {
        await using var f = await ActionFixture.CreateAsync();
        var actionId = await f.AddActionAsync("Mar 11");
        var read = await f.VersionAsync(actionId);
        await using (var db = f.Context())
        {
            await new ActionProgress(db, f.Clock).RecordUpdateAsync(f.Officer(), f.PlanId, actionId, new ProgressInput("Q1 2010/11", "Amber", "Theirs", null));
        }

        await using var context = f.Context();
        var result = await new BulkProgressEditor(context, new ActionProgress(context, f.Clock)).RecordAsync(
            f.Lead(), "Q1 2010/11", [new(f.PlanId, actionId, "Green", null, "Mine", read)]);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Performance Officer recorded Amber for this quarter after you opened this page", result.Errors[BulkProgressFields.Rag(actionId)], StringComparison.Ordinal);
        Assert.Equal("Theirs", (await f.Context().ActionUpdates.SingleAsync(u => u.ActionId == actionId)).Commentary);
    }

    [Fact]
    public async Task MyActions_AfterARollForward_ListsTheCarriedActionOnce_AndTheOldCopySaysWhereItWent()
    {
        await using var f = await ActionFixture.CreateAsync();
        var old = await f.AddActionAsync("Mar 11");
        var nextPlan = await f.AddPlanAsync();
        int carried;
        await using (var db = f.Context())
        {
            var copy = new PlanAction { OrganisationId = f.OrganisationId, PlanId = nextPlan, Title = "Action", DueText = "Mar 11", CarriedFromId = old, State = ActionState.InProgress };
            copy.Leads.Add(new ActionLead { OrganisationId = f.OrganisationId, PostId = f.PostId });
            db.PlanActions.Add(copy);
            await db.SaveChangesAsync();
            carried = copy.Id;
        }

        await using var context = f.Context();
        var queries = new ActionQueries(context, f.Clock);
        var mine = await queries.MyActionsAsync(f.Lead(), 4);
        var oldDetail = await queries.DetailAsync(f.PlanId, old);

        Assert.Equal([carried], mine.Overdue.Concat(mine.NeedsUpdate).Concat(mine.UpToDate).Select(r => r.Action.Id));
        Assert.Equal(new CarriedTo(nextPlan, carried, "Another plan"), oldDetail!.CarriedTo);
    }

    private sealed class ActionFixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public int OrganisationId => Org.Id;
        public int UnitId { get; init; }
        public int PostId { get; init; }
        public int PersonId { get; init; }
        public int PlanId { get; init; }
        public TimeProvider Clock { get; } = new FixedClock(Now);

        /// <summary>A council of its own in the shared database, or in a database of its own for a test that counts the whole audit trail.</summary>
        public static async Task<ActionFixture> CreateAsync(bool ownDatabase = false)
        {
            var database = ownDatabase ? await TestDatabase.MigratedAsync() : await TestDatabase.SharedAsync();
            await using var db = database.CreateContext();
            var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("test") };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var unit = new Unit { OrganisationId = org.Id, Name = "Customer Services" };
            var person = new Person { OrganisationId = org.Id, Name = "Lead Officer", Unit = unit };
            var post = new Post { OrganisationId = org.Id, Unit = unit, Title = "Customer Services Manager", Holder = person };
            var type = new PlanType { OrganisationId = org.Id, Key = "improvement-plan", Name = "Improvement plan" };
            var plan = new Plan
            {
                OrganisationId = org.Id, PlanType = type, Title = "Service Improvement Action Plan", Unit = unit,
                StartYear = Period.FinancialYear(2009, 4), EndYear = Period.FinancialYear(2010, 4),
            };
            db.AddRange(unit, person, post, type, plan);
            await db.SaveChangesAsync();
            return new ActionFixture { Database = database, Org = org, UnitId = unit.Id, PostId = post.Id, PersonId = person.Id, PlanId = plan.Id };
        }

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: Clock);
        }

        public Actor Officer() =>
            new(1, "Performance Officer", OrganisationId, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

        /// <summary>A lead officer who holds the post that leads the fixture's actions.</summary>
        public Actor Lead() =>
            new(2, "Lead Officer", OrganisationId, Role.LeadOfficer, false, new HashSet<int> { UnitId }, PersonId, new HashSet<int> { PostId });

        public ActionInput Input() => new()
        {
            Kind = ActionKind.ImprovementAction, Reference = "1", Title = "Action", Leads = [new(PostId, null, null)], Due = "Mar 11", State = ActionState.InProgress,
        };

        public async Task<int> AddActionAsync(string due, ActionState state = ActionState.InProgress, bool lead = true)
        {
            await using var db = Context();
            var action = new PlanAction
            {
                OrganisationId = OrganisationId, PlanId = PlanId, Title = "Action", DueText = due, DueMonth = ActionRules.MonthOf(due, 4), State = state,
            };
            if (lead)
            {
                action.Leads.Add(new ActionLead { OrganisationId = OrganisationId, PostId = PostId });
            }

            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        }

        /// <summary>Another draft plan of the unit, whose address must not reach the first plan's actions.</summary>
        public async Task<int> AddPlanAsync()
        {
            await using var db = Context();
            var plan = new Plan
            {
                OrganisationId = OrganisationId, PlanTypeId = (await db.Plans.SingleAsync(p => p.Id == PlanId)).PlanTypeId, Title = "Another plan", UnitId = UnitId,
                StartYear = Period.FinancialYear(2010, 4), EndYear = Period.FinancialYear(2010, 4),
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        }

        public async Task<Guid> VersionAsync(int actionId)
        {
            await using var db = Context();
            return (await db.PlanActions.SingleAsync(a => a.Id == actionId)).Version;
        }

        public async Task SetPlanStateAsync(PlanState state)
        {
            await using var db = Context();
            (await db.Plans.SingleAsync(p => p.Id == PlanId)).State = state;
            await db.SaveChangesAsync();
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}

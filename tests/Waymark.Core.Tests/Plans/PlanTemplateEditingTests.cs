using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// The plan types and the section template changed through <see cref="PlanTemplateEditor"/>: who may, what is checked,
/// order, stale versions, what cannot be deleted, and that the template shapes new plans only.
/// </summary>
public class PlanTemplateEditingTests
{
    [Fact]
    public async Task AddType_WithNoKey_MakesOneFromTheName_PutsItLast_AndAuditsIt()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).AddTypeAsync(f.Administrator, new PlanTypeInput(" Equality action plan "));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal("equality-action-plan", result.Record!.Key);
        await using var check = f.Context();
        Assert.Equal(["service-plan", "equality-action-plan"], await check.PlanTypes.OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync());
        Assert.Contains(await check.AuditEntries.ToListAsync(), e => e.EntityType == nameof(PlanType) && e.Action == "Created" && e.EntityId == $"{result.Record.Id}");
    }

    [Fact]
    public async Task AddType_WithADuplicateNameAndAKeyInUse_ReportsBothFields()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).AddTypeAsync(f.Officer, new PlanTypeInput("SERVICE PLAN", "service-plan"));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("There is already a plan type called \u201cSERVICE PLAN\u201d", result.Errors[PlanTemplateFields.Name]);
        Assert.Equal("The key \u201cservice-plan\u201d is already in use: choose another", result.Errors[PlanTemplateFields.Key]);
    }

    [Theory]
    [InlineData("", "Enter a name", PlanTemplateFields.Name)]
    [InlineData("Service Plan!", "The key can only have lower-case letters, numbers and single hyphens between them, like service-plan", PlanTemplateFields.Key)]
    public async Task AddType_WithBadInput_SaysWhatIsWrongAgainstTheField(string typed, string message, string field)
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();

        var input = field == PlanTemplateFields.Name ? new PlanTypeInput(typed) : new PlanTypeInput("Equality action plan", typed);
        var result = await new PlanTemplateEditor(db).AddTypeAsync(f.Administrator, input);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(message, result.Errors[field]);
    }

    [Fact]
    public async Task AddType_WithANameTooLong_IsRefused()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).AddTypeAsync(f.Administrator, new PlanTypeInput(new string('a', PlanTemplateEditor.NameMaxLength + 1)));

        Assert.Equal("The name must be 100 characters or fewer", result.Errors[PlanTemplateFields.Name]);
    }

    [Fact]
    public async Task RenameType_KeepsItsKey_AndRefusesToChangeTheKey()
    {
        await using var f = await PlanFixture.CreateAsync();
        var version = await VersionOfTypeAsync(f);
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);

        var rekeyed = await editor.RenameTypeAsync(f.Officer, f.PlanTypeId, version, new PlanTypeInput("Service plan", "team-plan"));
        var renamed = await editor.RenameTypeAsync(f.Officer, f.PlanTypeId, version, new PlanTypeInput("Team plan"));

        Assert.Equal("The key cannot be changed once made: it stays \u201cservice-plan\u201d", rekeyed.Errors[PlanTemplateFields.Key]);
        Assert.Equal(EditOutcome.Done, renamed.Outcome);
        await using var check = f.Context();
        var saved = await check.PlanTypes.SingleAsync(t => t.Id == f.PlanTypeId);
        Assert.Equal(("service-plan", "Team plan"), (saved.Key, saved.Name));
        Assert.NotEqual(version, saved.Version);
    }

    [Fact]
    public async Task RenameType_FromAStaleVersion_IsAConflictWithWhatIsSavedNow()
    {
        await using var f = await PlanFixture.CreateAsync();
        var version = await VersionOfTypeAsync(f);
        await using (var first = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new PlanTemplateEditor(first).RenameTypeAsync(f.Administrator, f.PlanTypeId, version, new PlanTypeInput("Team plan"))).Outcome);
        }

        await using var db = f.Context();
        var result = await new PlanTemplateEditor(db).RenameTypeAsync(f.Officer, f.PlanTypeId, version, new PlanTypeInput("Business plan"));

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal("Team plan", result.Record!.Name);
        await using var check = f.Context();
        Assert.Equal("Team plan", await check.PlanTypes.Where(t => t.Id == f.PlanTypeId).Select(t => t.Name).SingleAsync());
    }

    [Fact]
    public async Task MoveType_Up_SwapsItWithTheOneAbove_AndTheFirstStaysFirst()
    {
        await using var f = await PlanFixture.CreateAsync();
        var added = await AddTypesAsync(f, "Improvement plan", "Inspection response plan");
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);
        var last = await db.PlanTypes.AsNoTracking().SingleAsync(t => t.Id == added[1]);

        var moved = await editor.MoveTypeAsync(f.Administrator, last.Id, last.Version, up: true);

        Assert.Equal(EditOutcome.Done, moved.Outcome);
        Assert.Equal(["service-plan", "inspection-response-plan", "improvement-plan"], (await editor.TypesAsync()).Select(t => t.Key));
        var first = (await editor.TypesAsync())[0];
        Assert.Equal(EditOutcome.Done, (await editor.MoveTypeAsync(f.Administrator, first.Id, first.Version, up: true)).Outcome);
        Assert.Equal("service-plan", (await editor.TypesAsync())[0].Key);
    }

    [Fact]
    public async Task MoveType_FromAStaleVersion_IsAConflictAndMovesNothing()
    {
        await using var f = await PlanFixture.CreateAsync();
        await AddTypesAsync(f, "Improvement plan");
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).MoveTypeAsync(f.Administrator, f.PlanTypeId, Guid.NewGuid(), up: false);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        await using var check = f.Context();
        Assert.Equal(["service-plan", "improvement-plan"], (await new PlanTemplateEditor(check).TypesAsync()).Select(t => t.Key));
    }

    [Fact]
    public async Task DeleteType_UsedByPlans_IsRefusedSayingHowManyPlans()
    {
        await using var f = await PlanFixture.CreateAsync();
        await AddTypesAsync(f, "Improvement plan");
        await f.NewPlanAsync();
        await f.NewPlanAsync(title: "Another plan");
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).DeleteTypeAsync(f.Administrator, f.PlanTypeId, null);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.StartsWith("\u201cService plan\u201d cannot be deleted: 2 plans are of this type.", result.Reason, StringComparison.Ordinal);
        await using var check = f.Context();
        Assert.True(await check.PlanTypes.AnyAsync(t => t.Id == f.PlanTypeId));
    }

    [Fact]
    public async Task DeleteType_Unused_IsDeletedAndAudited_ButTheLastTypeStays()
    {
        await using var f = await PlanFixture.CreateAsync();
        var added = await AddTypesAsync(f, "Improvement plan");
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);

        var deleted = await editor.DeleteTypeAsync(f.Officer, added[0], null);
        var last = await editor.DeleteTypeAsync(f.Officer, f.PlanTypeId, null);

        Assert.Equal(EditOutcome.Done, deleted.Outcome);
        Assert.Equal(EditOutcome.Refused, last.Outcome);
        Assert.Contains("is the only plan type", last.Reason, StringComparison.Ordinal);
        await using var check = f.Context();
        Assert.Equal(["service-plan"], await check.PlanTypes.Select(t => t.Key).ToListAsync());
        Assert.Contains(await check.AuditEntries.ToListAsync(), e => e.EntityType == nameof(PlanType) && e.Action == "Deleted" && e.EntityId == $"{added[0]}");
    }

    [Fact]
    public async Task EveryChange_ByThoseOutsideTheCentralTeam_IsForbiddenAndChangesNothing()
    {
        await using var f = await PlanFixture.CreateAsync();
        var version = await VersionOfTypeAsync(f);
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);

        foreach (var actor in new Actor?[] { f.Manager, f.Lead, f.Councillor, null })
        {
            Assert.Equal(EditOutcome.Forbidden, (await editor.AddTypeAsync(actor, new PlanTypeInput("Team plan"))).Outcome);
            Assert.Equal(EditOutcome.Forbidden, (await editor.RenameTypeAsync(actor, f.PlanTypeId, version, new PlanTypeInput("Team plan"))).Outcome);
            Assert.Equal(EditOutcome.Forbidden, (await editor.MoveTypeAsync(actor, f.PlanTypeId, version, up: false)).Outcome);
            Assert.Equal(EditOutcome.Forbidden, (await editor.DeleteTypeAsync(actor, f.PlanTypeId, version)).Outcome);
            Assert.Equal(EditOutcome.Forbidden, (await editor.AddSectionAsync(actor, new SectionTemplateInput("Consultation", null))).Outcome);
            Assert.False(await editor.EnsureDefaultsAsync(actor));
        }

        await using var check = f.Context();
        Assert.Equal(["Service plan"], await check.PlanTypes.Select(t => t.Name).ToListAsync());
        Assert.False(await check.SectionTemplates.AnyAsync());
    }

    [Fact]
    public async Task AddSection_ToAnOrganisationWithNoTemplate_StartsFromTheDefaultsAndComesLast()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);

        var result = await editor.AddSectionAsync(f.Officer, new SectionTemplateInput("Consultation", " Who was asked, and what they said. "));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var sections = await editor.SectionsAsync();
        Assert.Equal(PlanDefaults.Sections.Select(s => s.Key).Append("consultation"), sections.Select(s => s.Key));
        Assert.Equal("Who was asked, and what they said.", sections[^1].Guidance);
    }

    [Fact]
    public async Task AddSection_WithAHeadingInUse_OrGuidanceTooLong_ReportsBothFields()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();

        var result = await new PlanTemplateEditor(db).AddSectionAsync(f.Officer, new SectionTemplateInput("achievements", new string('g', 2001)));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("The template already has a section called \u201cachievements\u201d", result.Errors[PlanTemplateFields.Heading]);
        Assert.Equal("The guidance must be 2,000 characters or fewer", result.Errors[PlanTemplateFields.Guidance]);
    }

    [Fact]
    public async Task TemplateChanges_ShapeNewPlans_AndLeaveTheSectionsOfExistingPlansAlone()
    {
        await using var f = await PlanFixture.CreateAsync();
        var before = await CreatePlanAsync(f, "Before the change");
        await using (var db = f.Context())
        {
            var editor = new PlanTemplateEditor(db);
            var sections = await editor.SectionsAsync();
            var achievements = sections.Single(s => s.Key == "achievements");
            Assert.Equal(EditOutcome.Done, (await editor.UpdateSectionAsync(f.Officer, achievements.Id, achievements.Version, new SectionTemplateInput("What we achieved", null))).Outcome);
            Assert.Equal(EditOutcome.Done, (await editor.DeleteSectionAsync(f.Officer, sections.Single(s => s.Key == "swot").Id, null)).Outcome);
            Assert.Equal(EditOutcome.Done, (await editor.AddSectionAsync(f.Officer, new SectionTemplateInput("Consultation", null))).Outcome);
            var risk = (await editor.SectionsAsync()).Single(s => s.Key == "risk-overview");
            Assert.Equal(EditOutcome.Done, (await editor.MoveSectionAsync(f.Officer, risk.Id, risk.Version, up: false)).Outcome);
        }

        var after = await CreatePlanAsync(f, "After the change");

        await using var check = f.Context();
        var oldHeadings = await check.PlanSections.Where(s => s.PlanId == before).OrderBy(s => s.SortOrder).Select(s => s.Heading).ToListAsync();
        var newHeadings = await check.PlanSections.Where(s => s.PlanId == after).OrderBy(s => s.SortOrder).Select(s => s.Heading).ToListAsync();
        Assert.Equal(PlanDefaults.Sections.Select(s => s.Heading), oldHeadings);
        Assert.Contains("What we achieved", newHeadings);
        Assert.DoesNotContain("Achievements", newHeadings);
        Assert.DoesNotContain("Strengths, weaknesses, opportunities and threats", newHeadings);
        Assert.Equal(["Consultation", "Risk overview"], newHeadings[^2..]);
    }

    [Fact]
    public async Task UpdateSection_FromAStaleVersion_IsAConflict_AndTheLastSectionCannotBeDeleted()
    {
        await using var f = await PlanFixture.CreateAsync();
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);
        Assert.True(await editor.EnsureDefaultsAsync(f.Administrator));
        var sections = await editor.SectionsAsync();

        var stale = await editor.UpdateSectionAsync(f.Administrator, sections[0].Id, Guid.NewGuid(), new SectionTemplateInput("About the service", null));
        foreach (var section in sections.Skip(1))
        {
            Assert.Equal(EditOutcome.Done, (await editor.DeleteSectionAsync(f.Administrator, section.Id, section.Version)).Outcome);
        }

        var last = await editor.DeleteSectionAsync(f.Administrator, sections[0].Id, sections[0].Version);

        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        Assert.Equal("Key functions and responsibilities", stale.Record!.Heading);
        Assert.Equal(EditOutcome.Refused, last.Outcome);
        Assert.Equal("\u201cKey functions and responsibilities\u201d is the only section of the template. Add another section before deleting this one.", last.Reason);
    }

    private static async Task<Guid> VersionOfTypeAsync(PlanFixture f)
    {
        await using var db = f.Context();
        return await db.PlanTypes.Where(t => t.Id == f.PlanTypeId).Select(t => t.Version).SingleAsync();
    }

    private static async Task<List<int>> AddTypesAsync(PlanFixture f, params string[] names)
    {
        await using var db = f.Context();
        var editor = new PlanTemplateEditor(db);
        var ids = new List<int>();
        foreach (var name in names)
        {
            ids.Add((await editor.AddTypeAsync(f.Administrator, new PlanTypeInput(name))).Record!.Id);
        }

        return ids;
    }

    private static async Task<int> CreatePlanAsync(PlanFixture f, string title)
    {
        await using var db = f.Context();
        var result = await new PlanEditor(db).CreateAsync(f.Officer, new PlanInput { Type = "service-plan", Title = title, UnitId = f.UnitId, StartYear = "2011/12" });
        Assert.Equal(EditOutcome.Done, result.Outcome);
        return result.Record!.Id;
    }
}

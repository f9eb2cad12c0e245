using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Risks;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// An organisation whose every text field holds a script-injection payload, and a member of it:
/// every page of the app (from its route table) must show the text encoded, and the API must
/// return it as data.
/// </summary>
public sealed class HostileDataFactory : WaymarkFactory
{
    public const string Payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    /// <summary>For short fields (references are at most 40 characters).</summary>
    public const string ShortPayload = "<script>alert(1)</script>";
    public const string Slug = "hostile";

    public string AdminUserName { get; } = "admin@hostile.test";

    /// <summary>The quarter the hostile indicator has a value for (the first of last year).</summary>
    public static Period Quarter =>
        Period.QuartersOf(Period.FinancialYearContaining(DateOnly.FromDateTime(DateTime.UtcNow), 4).Previous(), 4)[0];

    public Dictionary<string, int> Ids { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Payload, Payload);
        var org = new Organisation
        {
            Name = "Council " + Payload, ShortName = Payload, Slug = Slug, Description = Payload, PublishFramework = true,
            RagKeyTitle = Payload, RagKeyNote = Payload, RagKeyRed = Payload, RagKeyAmber = Payload, RagKeyGreen = Payload,
        };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        db.Scope.Enter(org);
        var level = new FrameworkLevel { OrganisationId = org.Id, Key = "aim", Name = "Aim " + Payload, PluralName = "Aims " + Payload, Description = Payload };
        var unit = new Unit { OrganisationId = org.Id, Name = "Unit " + Payload, Kind = Payload, Description = Payload };
        var person = new Person { OrganisationId = org.Id, Name = "Person " + Payload, Unit = unit };
        var post = new Post { OrganisationId = org.Id, Unit = unit, Title = "Post " + Payload, Holder = person };
        var holder = new PortfolioHolder { OrganisationId = org.Id, Unit = unit, Person = person, Portfolio = Payload, Note = Payload };
        var parent = new Objective { OrganisationId = org.Id, Level = level, Reference = "R" + ShortPayload, Title = "Parent " + Payload, Description = Payload, Unit = unit, OwnerPost = post };
        var child = new Objective { OrganisationId = org.Id, Level = level, Parent = parent, Reference = ShortPayload, Title = "Child " + Payload, OwnerPerson = person };
        db.AddRange(level, unit, person, post, holder, parent, child);
        await db.SaveChangesAsync();
        unit.HeadPost = post;
        db.ObjectiveLinks.Add(new ObjectiveLink { OrganisationId = org.Id, FromObjective = child, ToObjective = parent });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(AdminUserName, "Admin " + Payload, org.Id, Role.Administrator, personId: person.Id);
        Ids["objective"] = child.Id;
        Ids["unit"] = unit.Id;
        Ids["indicator"] = await AddIndicatorAsync(db, org, unit, post, person, child);
        await AddReturnAsync(db, org, unit, person, Ids);
        await AddPlanAsync(db, org, unit, post, child, Ids);
        await AddCorrectionsAsync(db, org, unit, person, Ids);
        await AddRiskAsync(db, org, unit, post, Ids);
        var basket = new Waymark.Core.Baskets.Basket
        {
            OrganisationId = org.Id, Title = "Basket " + Payload, Description = Payload, AudienceNote = Payload, OwnerPost = post,
            Kind = Waymark.Core.Baskets.BasketKind.Scorecard,
        };
        var group = new Waymark.Core.Baskets.BasketGroup { OrganisationId = org.Id, Basket = basket, Title = Payload, SortOrder = 1 };
        basket.Groups.Add(group);
        basket.Items.Add(new Waymark.Core.Baskets.BasketItem
        {
            OrganisationId = org.Id, Group = group, Kind = Waymark.Core.Baskets.BasketItemKind.Indicator, IndicatorId = Ids["indicator"], SortOrder = 1,
        });
        db.Baskets.Add(basket);
        await db.SaveChangesAsync();
        Ids["basket"] = basket.Id;

        // A closure day named with the payload, in the year the round settings page shows first.
        db.BankHolidayChanges.Add(new Waymark.Core.Rounds.BankHolidayChange { OrganisationId = org.Id, Date = new DateOnly(DateTime.UtcNow.Year, 3, 11), IsHoliday = true, Name = Payload });
        await db.SaveChangesAsync();
    }

    /// <summary>A hostile lock exception and correction: every text the register and the exceptions page show.</summary>
    private static async Task AddCorrectionsAsync(WaymarkDbContext db, Organisation org, Unit unit, Person person, Dictionary<string, int> ids)
    {
        var exception = new Waymark.Core.Corrections.LockException
        {
            OrganisationId = org.Id, Unit = unit, Person = person, From = new DateOnly(2000, 1, 1), Until = new DateOnly(2099, 12, 31),
            Reason = Payload, GrantedByName = Payload, GrantedAt = DateTimeOffset.UnixEpoch,
        };
        db.LockExceptions.Add(exception);
        await db.SaveChangesAsync();
        db.Corrections.Add(new Waymark.Core.Corrections.Correction
        {
            OrganisationId = org.Id, Kind = Waymark.Core.Corrections.CorrectionKind.IndicatorValue, SubjectId = ids["indicator"], Subject = Payload, Period = Quarter,
            Unit = unit, OldValue = Payload, NewValue = Payload, OldStatus = ShortPayload, NewStatus = ShortPayload, Reason = Payload, ByName = Payload,
            At = DateTimeOffset.UtcNow, On = DateOnly.FromDateTime(DateTime.UtcNow), LockExceptionId = exception.Id,
        });
        await db.SaveChangesAsync();
        ids["lockException"] = exception.Id;
    }

    /// <summary>A hostile risk register: the matrix's words, a risk with a control, a further action, a review, a decided escalation and one waiting.</summary>
    private static async Task AddRiskAsync(WaymarkDbContext db, Organisation org, Unit unit, Post post, Dictionary<string, int> ids)
    {
        var matrix = RiskMatrixDefaults.Create();
        matrix.OrganisationId = org.Id;
        matrix.Levels.ForEach(l => (l.OrganisationId, l.Name, l.Descriptor) = (org.Id, l.Name + " " + ShortPayload, Payload));
        matrix.Bands.ForEach(b => (b.OrganisationId, b.Name) = (org.Id, b.Name + " " + ShortPayload));
        matrix.Categories.ForEach(c => (c.OrganisationId, c.Name) = (org.Id, c.Name + " " + ShortPayload));
        matrix.ImpactTypes.ForEach(t =>
        {
            (t.OrganisationId, t.Name) = (org.Id, t.Name + " " + Payload);
            t.Criteria.ForEach(c => (c.OrganisationId, c.Text) = (org.Id, Payload));
        });
        var risk = new Risk
        {
            OrganisationId = org.Id, Reference = "SR<b>1", Title = "Risk " + Payload, Cause = Payload, Event = Payload, Consequence = Payload,
            Category = matrix.Categories[0], Unit = unit, OwnerPost = post, OwnerName = Payload, ClosedReason = Payload,
            InherentLikelihood = 5, InherentImpact = 5, CurrentLikelihood = 4, CurrentImpact = 5, TargetLikelihood = 2, TargetImpact = 2,
        };
        var control = new RiskControl { OrganisationId = org.Id, Risk = risk, Description = Payload, OwnerName = Payload };
        var action = new RiskAction { OrganisationId = org.Id, Risk = risk, Text = Payload, LeadName = Payload, DueMonth = Period.Month(2012, 3) };
        var review = new RiskReview
        {
            OrganisationId = org.Id, Risk = risk, Quarter = Quarter, ReviewedOn = Quarter.Start, Likelihood = 4, Impact = 5,
            WhatChanged = Payload, Commentary = Payload, ReviewerName = Payload, At = DateTimeOffset.UtcNow,
        };
        var escalation = new RiskEscalation
        {
            OrganisationId = org.Id, Risk = risk, ProposedScore = 20, ProposedAt = DateTimeOffset.UtcNow, ProposedByName = Payload, Reason = Payload,
            DecidedByName = Payload, DecisionReason = Payload, State = EscalationState.Declined,
        };
        var waiting = new RiskEscalation
        {
            OrganisationId = org.Id, Risk = risk, ProposedScore = 20, ProposedAt = DateTimeOffset.UtcNow, ProposedByName = Payload, Reason = Payload,
            State = EscalationState.Proposed,
        };
        db.AddRange(matrix, risk, control, action, review, escalation, waiting);
        await db.SaveChangesAsync();
        ids["riskEscalation"] = waiting.Id;
        ids["risk"] = risk.Id;
        ids["riskControl"] = control.Id;
        ids["riskAction"] = action.Id;
    }

    /// <summary>A hostile plan: title, source, section Markdown, objective lead, measures, recommendation, action and history.</summary>
    private static async Task AddPlanAsync(WaymarkDbContext db, Organisation org, Unit unit, Post post, Objective objective, Dictionary<string, int> ids)
    {
        var year = Period.FinancialYearContaining(DateOnly.FromDateTime(DateTime.UtcNow), org.YearStartMonth).Previous();
        var type = new Waymark.Core.Plans.PlanType { OrganisationId = org.Id, Key = "service-plan", Name = "Type " + Payload };
        var plan = new Waymark.Core.Plans.Plan
        {
            OrganisationId = org.Id, PlanType = type, Title = "Plan " + Payload, Unit = unit, StartYear = year, EndYear = year.Next().Next(),
            Source = Payload, HeadOfServicePost = post,
        };
        var section = new Waymark.Core.Plans.PlanSection
        {
            OrganisationId = org.Id, Plan = plan, Key = "hostile", Heading = "Section " + Payload,
            Body = "# " + Payload + "\n\n" + Payload + "\n\n- [x](javascript:alert(1))\n- <img src=x onerror=alert(1)>\n\n![y](javascript:alert(2))",
        };
        var planObjective = new Waymark.Core.Plans.PlanObjective
        {
            OrganisationId = org.Id, Plan = plan, Objective = objective, Role = Waymark.Core.Plans.PlanObjectiveRole.SupportingObjective, Lead = Payload, Resources = Payload,
        };
        var milestone = new Waymark.Core.Plans.Milestone { OrganisationId = org.Id, Title = "Milestone " + Payload };
        milestone.Targets.Add(new Waymark.Core.Plans.MilestoneTarget { OrganisationId = org.Id, Year = year, Text = Payload });
        planObjective.Measures.Add(new Waymark.Core.Plans.PlanMeasure { OrganisationId = org.Id, Milestone = milestone, Lead = Payload, Resources = Payload });
        var recommendation = new Waymark.Core.Plans.Recommendation { OrganisationId = org.Id, Plan = plan, Number = ShortPayload[..20], Text = Payload };
        var action = new Waymark.Core.Plans.PlanAction
        {
            OrganisationId = org.Id, Plan = plan, Recommendation = recommendation, Objective = objective, Reference = ShortPayload, Title = "Action " + Payload,
            DueText = ShortPayload, Description = Payload,
        };
        action.Leads.Add(new Waymark.Core.Plans.ActionLead { OrganisationId = org.Id, Name = Payload });
        action.Updates.Add(new Waymark.Core.Plans.ActionUpdate
        {
            OrganisationId = org.Id, Quarter = Period.QuartersOf(year, org.YearStartMonth)[0], Rag = Waymark.Core.Plans.Rag.Red, Commentary = Payload, Remedial = Payload,
            ByName = Payload, At = DateTimeOffset.UtcNow,
        });
        db.AddRange(type, plan, section, planObjective, recommendation, action);
        await db.SaveChangesAsync();
        db.MilestoneProgress.Add(new Waymark.Core.Plans.MilestoneProgress
        {
            OrganisationId = org.Id, MilestoneId = milestone.Id, Period = Period.QuartersOf(year, org.YearStartMonth)[0], State = Waymark.Core.Plans.MilestoneState.MissedOrLate,
            RevisedMonth = Period.Month(year.Start.Year + 1, 3), Commentary = Payload, Remedial = Payload, EnteredByName = Payload, EnteredAt = DateTimeOffset.UtcNow,
        });
        db.PlanSteps.Add(new Waymark.Core.Plans.PlanStep
        {
            OrganisationId = org.Id, PlanId = plan.Id, From = Waymark.Core.Plans.PlanState.Draft, To = Waymark.Core.Plans.PlanState.Draft, Comment = Payload, ByName = Payload, At = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        ids["plan"] = plan.Id;
        ids["section"] = section.Id;
        ids["recommendation"] = recommendation.Id;
        ids["action"] = action.Id;
        ids["milestone"] = milestone.Id;
    }

    /// <summary>A hostile return, in an open round, with an item returned with a note (the admin's person owns it).</summary>
    private static async Task AddReturnAsync(WaymarkDbContext db, Organisation org, Unit unit, Person person, Dictionary<string, int> ids)
    {
        var round = new Waymark.Core.Rounds.MonitoringRound
        {
            OrganisationId = org.Id, Period = Quarter, OpenedAt = DateTimeOffset.UtcNow, OpenedByName = Payload,
            ReturnsDeadline = new DateOnly(2099, 1, 1), SignOffDeadline = new DateOnly(2099, 1, 8),
        };
        var item = new Waymark.Core.Rounds.RoundReturnItem
        {
            OrganisationId = org.Id, Kind = Waymark.Core.Rounds.RoundItemKind.IndicatorValue, IndicatorId = ids["indicator"], ValuePeriod = Quarter,
            ReturnNote = Payload, ReturnedAt = DateTimeOffset.UtcNow, ReturnedByName = Payload,
        };
        var r = new Waymark.Core.Rounds.RoundReturn
        {
            OrganisationId = org.Id, Round = round, PersonId = person.Id, UnitId = unit.Id, State = Waymark.Core.Rounds.ReturnState.Returned,
            SubmittedAt = DateTimeOffset.UtcNow, SubmittedByName = Payload, Items = [item],
        };
        db.RoundReturns.Add(r);
        await db.SaveChangesAsync();
        ids["round"] = round.Id;
        ids["return"] = r.Id;
    }

    /// <summary>A hostile indicator with a value for last year's first quarter (to be verified), commentary and history.</summary>
    private static async Task<int> AddIndicatorAsync(WaymarkDbContext db, Organisation org, Unit unit, Post post, Person person, Objective objective)
    {
        var year = Period.FinancialYearContaining(DateOnly.FromDateTime(DateTime.UtcNow), org.YearStartMonth).Previous();
        var quarter = Period.QuartersOf(year, org.YearStartMonth)[0];
        var indicator = new Indicator
        {
            OrganisationId = org.Id, Code = ShortPayload, Title = "Indicator " + Payload, Definition = Payload, DataSource = Payload,
            Unit = IndicatorUnit.Percentage, Frequency = Frequency.Quarterly, Polarity = Polarity.HigherIsBetter, OwningUnit = unit,
            DataOwnerPost = post, LeadPerson = person, BaselinePeriod = ShortPayload, BaselineNote = Payload, BaselineValue = 1,
            CollectFrom = year, Tags = IndicatorTags.Local,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        db.IndicatorObjectives.Add(new IndicatorObjective { OrganisationId = org.Id, IndicatorId = indicator.Id, ObjectiveId = objective.Id });
        db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = org.Id, IndicatorId = indicator.Id, Period = year, Text = Payload });
        db.IndicatorValues.Add(new IndicatorValue
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Period = quarter, Value = 12, Commentary = Payload, Remedial = Payload,
            EnteredByName = Payload, EnteredAt = DateTimeOffset.UtcNow,
        });
        db.IndicatorValueEvents.Add(new IndicatorValueEvent
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Period = quarter, Value = 12, Commentary = Payload, Remedial = Payload, NotAvailableReason = Payload,
            ByName = Payload, At = DateTimeOffset.UtcNow,
        });
        db.IndicatorDefinitionVersions.Add(new IndicatorDefinitionVersion
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Number = 1, AppliesUntil = year.Previous(), Title = "Old " + Payload,
            Definition = Payload, DataSource = Payload, ReplacedByName = Payload, ReplacedAt = DateTimeOffset.UtcNow, Code = ShortPayload,
        });
        // Broken down by a hostile place, with a hostile figure's commentary: the breakdown pages and the places list.
        var place = new Waymark.Core.Breakdowns.Place { OrganisationId = org.Id, Name = "Place " + ShortPayload, Kind = ShortPayload };
        var member = new Waymark.Core.Breakdowns.BreakdownMember { OrganisationId = org.Id, Place = place };
        member.Values.Add(new Waymark.Core.Breakdowns.BreakdownValue { OrganisationId = org.Id, Period = quarter, Value = 11, Commentary = Payload, EnteredByName = Payload });
        db.Breakdowns.Add(new Waymark.Core.Breakdowns.Breakdown { OrganisationId = org.Id, IndicatorId = indicator.Id, Kind = Waymark.Core.Breakdowns.BreakdownKind.Place, Members = { member } });
        await db.SaveChangesAsync();
        return indicator.Id;
    }
}

[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class OutputEncodingTests(HostileDataFactory factory) : IClassFixture<HostileDataFactory>
{
    private const string Payload = HostileDataFactory.Payload;

    [Fact]
    public async Task EveryPage_ShowsHostileTextEncoded()
    {
        using var client = await factory.SignedInClientAsync(factory.AdminUserName);
        var routes = (await EndpointCatalog.ReadAsync(factory.Services))
            .Where(r => r.Method == "GET" && !r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        var checkedPages = 0;

        foreach (var route in routes)
        {
            var url = route.Pattern.Replace("{org}", HostileDataFactory.Slug, StringComparison.Ordinal).Replace("{code?}", "404", StringComparison.Ordinal);
            url = url.Replace("/risks/escalations/{id}", "/risks/escalations/" + factory.Ids["riskEscalation"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            url = url.Replace("/risks/{id}/actions/{actionId}", $"/risks/{factory.Ids["risk"]}/actions/{factory.Ids["riskAction"]}", StringComparison.Ordinal)
                     .Replace("/risks/{id}", "/risks/" + factory.Ids["risk"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{controlId}", factory.Ids["riskControl"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            url = url.Replace("/plans/{id}", "/plans/" + factory.Ids["plan"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{sectionId}", factory.Ids["section"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{recommendationId}", factory.Ids["recommendation"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{actionId}", factory.Ids["action"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{milestoneId}", factory.Ids["milestone"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{quarter}", HostileDataFactory.Quarter.Code, StringComparison.Ordinal);
            url = url.Replace("/framework/{id}", "/framework/" + factory.Ids["objective"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/units/{id}", "/units/" + factory.Ids["unit"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/indicators/{id}", "/indicators/" + factory.Ids["indicator"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/rounds/{id}", "/rounds/" + factory.Ids["round"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/baskets/{id}", "/baskets/" + factory.Ids["basket"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/returns/{id}", "/returns/" + factory.Ids["return"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/my-return/{id}", "/my-return/" + factory.Ids["round"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{period}", HostileDataFactory.Quarter.Code, StringComparison.Ordinal)
                     .Replace("{year}", HostileDataFactory.Quarter.FinancialYearOf(4).Code, StringComparison.Ordinal)
                     .Replace("/corrections/exceptions/{id}", "/corrections/exceptions/" + factory.Ids["lockException"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (url.Contains('{', StringComparison.Ordinal))
            {
                continue; // Routes into records of kinds this organisation does not have.
            }

            using var response = await client.GetAsync(new Uri(route.Handler is null ? url : $"{url}?handler={route.Handler}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // Downloads (CSV) are data, checked by their own tests.
            }

            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            checkedPages++;
        }

        var objectivePage = await client.GetPageAsync($"/{HostileDataFactory.Slug}/framework/{factory.Ids["objective"]}");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", objectivePage, StringComparison.Ordinal);
        var planPage = await client.GetPageAsync($"/{HostileDataFactory.Slug}/plans/{factory.Ids["plan"]}");
        Assert.Contains("&lt;script&gt;alert(", Html.InnerHtml(planPage, "section-body"), StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", planPage, StringComparison.OrdinalIgnoreCase);
        Assert.True(checkedPages >= 8, $"Only {checkedPages} pages were checked.");
    }

    [Fact]
    public async Task Api_ReturnsHostileTextAsData()
    {
        using var client = await factory.TokenClientAsync(factory.AdminUserName);

        var json = await client.GetStringAsync(new Uri($"/api/v1/organisations/{HostileDataFactory.Slug}/framework/{factory.Ids["objective"]}", UriKind.Relative));

        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Child " + Payload, document.RootElement.GetProperty("title").GetString());
        Assert.Equal(HostileDataFactory.ShortPayload, document.RootElement.GetProperty("reference").GetString());
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
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

    public Dictionary<string, int> Ids { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Payload, Payload);
        var org = new Organisation { Name = "Council " + Payload, ShortName = Payload, Slug = Slug, Description = Payload, PublishFramework = true };
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
        var indicator = new Waymark.Core.Indicators.Indicator
        {
            OrganisationId = org.Id, Code = ShortPayload, Title = "Indicator " + Payload, Definition = Payload, DataSource = Payload,
            BaselinePeriod = ShortPayload, BaselineNote = Payload, BaselineValue = 10, OwningUnit = unit, DataOwnerPost = post, LeadPerson = person,
            Frequency = Waymark.Core.Indicators.Frequency.Quarterly, Polarity = Waymark.Core.Indicators.Polarity.HigherIsBetter,
            CollectFrom = Waymark.Core.Periods.Period.FinancialYear(2011, 4),
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        db.IndicatorObjectives.Add(new Waymark.Core.Indicators.IndicatorObjective { OrganisationId = org.Id, IndicatorId = indicator.Id, ObjectiveId = child.Id });
        db.IndicatorTargets.Add(new Waymark.Core.Indicators.IndicatorTarget { OrganisationId = org.Id, IndicatorId = indicator.Id, Period = Waymark.Core.Periods.Period.FinancialYear(2011, 4), Text = Payload });
        db.IndicatorValues.Add(new Waymark.Core.Indicators.IndicatorValue
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Period = Waymark.Core.Periods.Period.Quarter(2011, 1, 4), Value = 12,
            Commentary = Payload, EnteredByName = Payload, EnteredAt = DateTimeOffset.UtcNow, VerifiedByName = Payload, VerifiedAt = DateTimeOffset.UtcNow,
        });
        db.IndicatorValueEvents.Add(new Waymark.Core.Indicators.IndicatorValueEvent
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Period = Waymark.Core.Periods.Period.Quarter(2011, 1, 4), Value = 12,
            Commentary = Payload, ByName = Payload, At = DateTimeOffset.UtcNow,
        });
        db.IndicatorDefinitionVersions.Add(new Waymark.Core.Indicators.IndicatorDefinitionVersion
        {
            OrganisationId = org.Id, IndicatorId = indicator.Id, Number = 1, AppliesUntil = Waymark.Core.Periods.Period.FinancialYear(2010, 4),
            Code = ShortPayload, Title = "Old " + Payload, Definition = Payload, DataSource = Payload, ReplacedByName = Payload, ReplacedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        Ids["indicator"] = indicator.Id;
        Ids["objective"] = child.Id;
        Ids["unit"] = unit.Id;
    }
}

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
            url = url.Replace("/framework/{id}", "/framework/" + factory.Ids["objective"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/units/{id}", "/units/" + factory.Ids["unit"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("/indicators/{id}", "/indicators/" + factory.Ids["indicator"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                     .Replace("{year}", "Y2011-04", StringComparison.Ordinal);
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

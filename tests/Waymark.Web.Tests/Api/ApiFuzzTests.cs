using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Api;

/// <summary>
/// A bounded fuzz of every API endpoint that reads a JSON body, taken from the app's own route table: malformed bodies
/// made from a fixed seed (broken and truncated JSON, bytes that are not UTF-8, the wrong shapes, control characters,
/// half surrogates, numbers out of range, deep nesting, wrong content types), sent as an administrator against real
/// records. No answer may be a 5xx, and a refused request writes nothing (the audit trail, which every save extends,
/// does not move).
/// </summary>
public class ApiFuzzTests(WaymarkFactory factory, ITestOutputHelper output) : IClassFixture<WaymarkFactory>
{
    private const int BodiesPerEndpoint = 60;

    private static readonly string[] Fields =
    [
        "title", "name", "level", "value", "commentary", "target", "profile", "version", "period", "rag", "quarter", "unitId",
        "parentId", "heading", "body", "reference", "description", "reason", "month", "state", "type", "toId", "notAvailable",
        "items", "leads", "start", "end", "code", "polarity", "decimalPlaces", "year",
    ];

    private static readonly string[] BadValues =
    [
        "\"nul\\u0000inside\"", "\"bell\\u0007\"", "\"half \\ud800 pair\"", "\"low \\udc00 first\"", "\"bad escape \\x\"",
        "1e400", "-1e400", "99999999999999999999999999999999", "-0", "1.5", "true", "{}", "[]", "[null]", "\"not-a-guid\"",
        "\"\"", "\"   \"", "{\"nested\": {\"deeper\": [1, \"\\u0000\"]}}", "\"\u00e9\u0301 combining\"", "\"\\u202e reversed\"",
    ];

    [Fact]
    public async Task EveryBodyEndpoint_AnswersMalformedBodies_WithoutA5xx_AndWritesNothingWhenItRefuses()
    {
        var endpoints = BodyEndpoints();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints read a body");
        var ids = await IdsAsync();
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Administrator));
        var random = new Random(20261207);
        var failures = new List<string>();
        var sent = 0;
        // The token's first use is recorded once; after it, only writes move the trail.
        using (var first = await client.GetAsync(new Uri($"/api/v1/organisations/{TestData.Scdc}/units", UriKind.Relative)))
        {
            first.EnsureSuccessStatusCode();
        }

        var audit = await AuditCountAsync();

        foreach (var (method, template) in endpoints)
        {
            var url = Fill(template, ids);
            var accepted = 0;
            for (var i = 0; i < BodiesPerEndpoint; i++)
            {
                var (body, contentType) = Body(random);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(body) };
                if (contentType is not null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                }

                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {url} [{contentType}] {Preview(body)} → {status}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (status < 400)
                {
                    accepted++;
                    failures.Add($"{method} {url} [{contentType}] {Preview(body)} → {status}: a malformed body was taken");
                }
            }

            // Every body was refused, so none may have written anything (the trail moves with every save).
            var now = await AuditCountAsync();
            if (accepted == 0 && now != audit)
            {
                failures.Add($"{method} {url}: refused every body, yet the audit trail moved from {audit} to {now} entries");
            }

            audit = now;
        }

        output.WriteLine($"{sent} bodies sent to {endpoints.Count} endpoints.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>POST and PUT endpoints of the API that read a JSON body, from the route table.</summary>
    private List<(string Method, string Template)> BodyEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/organisations/{org}", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Where(m => m is "POST" or "PUT")
                .Select(m => (m, e.RoutePattern.RawText!)))
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
            .ToList();

    /// <summary>Real records of the demo council for each kind of id, so that a body that reads reaches the editors.</summary>
    private async Task<Dictionary<string, string>> IdsAsync() => await factory.InOrganisationAsync(async db =>
    {
        var action = await db.PlanActions.Where(a => a.PlanId != null).OrderBy(a => a.Id).Select(a => new { a.Id, PlanId = a.PlanId!.Value }).FirstAsync();
        var control = await db.RiskControls.OrderBy(c => c.Id).Select(c => new { c.Id, c.RiskId }).FirstAsync();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["org"] = TestData.Scdc,
            ["framework"] = (await db.Objectives.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["indicators"] = (await db.Indicators.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["units"] = (await db.Units.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["plans"] = action.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["actionId"] = action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sectionId"] = (await db.PlanSections.Where(s => s.PlanId == action.PlanId).Select(s => s.Id).FirstOrDefaultAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["risks"] = control.RiskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["controlId"] = control.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["period"] = "Q2011-04",
            ["quarter"] = "Q2011-04",
            ["year"] = "Y2011-04",
        };
    });

    private static string Fill(string template, Dictionary<string, string> ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}').Split(':')[0];
            // A kind with no demo record (rounds, returns, lock exceptions) takes an id that finds none: the body is still read.
            segments[i] = ids.GetValueOrDefault(name == "id" ? segments[i - 1] : name, "1");
        }

        return string.Join('/', segments);
    }

    private static (byte[] Body, string? ContentType) Body(Random random)
    {
        var contentType = random.Next(10) switch
        {
            0 => "text/plain",
            1 => null,
            2 => "application/json; charset=utf-16",
            3 => "application/x-www-form-urlencoded",
            _ => "application/json",
        };
        var text = random.Next(7) switch
        {
            0 => Truncated(random),
            1 => null,
            2 => new[] { "[]", "null", "42", "\"text\"", "true", "[{}]", "", " ", "{", "}" }[random.Next(10)],
            3 => new string('[', random.Next(65, 300)) + new string(']', random.Next(0, 300)),
            _ => Object(random),
        };
        if (text is not null)
        {
            return (Encoding.UTF8.GetBytes(text), contentType);
        }

        // Bytes that are mostly not UTF-8, some inside a string.
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return random.Next(2) == 0 ? (bytes, contentType) : ([.. "{\"title\": \""u8, .. bytes, .. "\"}"u8], contentType);
    }

    private static string Object(Random random)
    {
        var fields = Enumerable.Range(0, random.Next(1, 6))
            .Select(_ => $"\"{Fields[random.Next(Fields.Length)]}\": {BadValues[random.Next(BadValues.Length)]}");
        return "{" + string.Join(", ", fields) + "}";
    }

    private static string Truncated(Random random)
    {
        var whole = Object(random);
        return whole[..random.Next(1, whole.Length)];
    }

    private static string Preview(byte[] body) => Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 40)));

    private Task<int> AuditCountAsync() => factory.InOrganisationAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
}

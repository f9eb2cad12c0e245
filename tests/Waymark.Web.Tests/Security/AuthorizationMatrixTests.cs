using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Security.MatrixRecords;
using Waymark.Web.Tests.Support;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Every endpoint in the app's route table × every role and the public × a member of the
/// organisation or of another one × a record of their own unit or another: the outcome must be
/// exactly what <see cref="AuthorizationExpectations"/> says. A new endpoint without an entry there
/// fails. Organisation A publishes its framework; organisation B does not.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class AuthorizationMatrixTests(MatrixFactory factory, ITestOutputHelper output) : IClassFixture<MatrixFactory>
{
    [Fact]
    public Task EveryEndpoint_InTheCouncilThatPublishesItsFramework_AllowsExactlyWhatTheRulesSay() =>
        CheckEveryEndpointAsync(factory, output, publishesFramework: true);

    /// <summary>
    /// Every endpoint × every asker × every relation, with the target organisation the one that does or does not publish
    /// its framework (each half has a class of its own, so that the two run side by side).
    /// </summary>
    internal static async Task CheckEveryEndpointAsync(MatrixFactory factory, ITestOutputHelper output, bool publishesFramework)
    {
        var targets = factory.Organisations.Where(o => o.PublishFramework == publishesFramework).ToList();
        Assert.Single(targets);
        var routes = await EndpointCatalog.ReadAsync(factory.Services);
        var missing = routes.Where(r => !AuthorizationExpectations.Table.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "Endpoints with no entry in AuthorizationExpectations:\n" + string.Join("\n", missing));
        var stale = AuthorizationExpectations.Table.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Entries in AuthorizationExpectations for endpoints that no longer exist:\n" + string.Join("\n", stale));

        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var route in routes)
        {
            var access = AuthorizationExpectations.Table[route.Key];
            foreach (var target in targets)
            {
                foreach (var who in MatrixFactory.Actors())
                {
                    foreach (var relation in route.Pattern.Contains("{id}", StringComparison.Ordinal) ? Enum.GetValues<Relation>() : [Relation.Own])
                    {
                        var outcome = await factory.SendAsync(route, target, who, relation);
                        checkedCases++;
                        if (outcome.ServerError)
                        {
                            failures.Add($"{route.Key} as {who} in {target.Slug} ({relation} record): server error {outcome.Status}");
                            continue;
                        }

                        if (outcome.Status == HttpStatusCode.BadRequest && route.Method != "GET" && !route.Pattern.StartsWith("/api/", StringComparison.Ordinal))
                        {
                            // A form post carries its session's reused token; a 400 would count as "allowed" and hide a stale one.
                            failures.Add($"{route.Key} as {who} in {target.Slug} ({relation} record): the form's antiforgery token was refused (400)");
                            continue;
                        }

                        if (access == Access.Anyone)
                        {
                            continue; // Open to all: only a server error would be wrong.
                        }

                        var expected = AuthorizationExpectations.Allows(access, who, target.PublishFramework, relation);
                        if (outcome.Allowed != expected)
                        {
                            failures.Add($"{route.Key} as {who} in {target.Slug} ({relation} record): expected {(expected ? "allowed" : "refused")}, got {outcome}");
                        }
                    }
                }
            }
        }

        // build/test.sh adds up these lines from the results, so that a run that checked fewer cases is visible.
        output.WriteLine($"Authorization matrix cases checked: {checkedCases} (target publishes its framework: {publishesFramework})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCases} cases wrong:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(checkedCases > 300, $"Only {checkedCases} cases ran.");
    }

    [Fact]
    public async Task ReadOnlyTokens_CannotUseAnyApiWrite()
    {
        var routes = (await EndpointCatalog.ReadAsync(factory.Services))
            .Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && r.Method != "GET").ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var target = factory.Organisations[0];
            var who = new Who(Role.Administrator, MemberOfTarget: true, ReadOnlyToken: true);
            var outcome = await factory.SendAsync(route, target, who, Relation.Own);
            if (outcome.Allowed || outcome.ServerError)
            {
                failures.Add($"{route.Key} with a read-only token: {outcome}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task NoGet_ChangesAnything()
    {
        var routes = (await EndpointCatalog.ReadAsync(factory.Services)).Where(r => r.Method == "GET").ToList();
        var administrator = new Who(Role.Administrator, MemberOfTarget: true);
        var writers = new List<string>();
        foreach (var route in routes)
        {
            foreach (var target in factory.Organisations)
            {
                var before = await factory.AuditCountAsync();
                await factory.SendAsync(route, target, administrator, Relation.Own);
                if (await factory.AuditCountAsync() != before)
                {
                    writers.Add($"{route.Key} in {target.Slug}");
                }
            }
        }

        Assert.True(writers.Count == 0, "GETs that left audit entries:\n" + string.Join("\n", writers));
    }

    /// <summary>The matrix reuses one token per session for its form posts: that token must still be the check.</summary>
    [Fact]
    public async Task FormPost_IsRefusedWithoutItsSessionsToken_AndAcceptedWithItAgainAndAgain()
    {
        var organisation = factory.Organisations[0];
        var session = await factory.SessionAsync(organisation, Role.Administrator);
        var otherSession = await factory.SessionAsync(organisation, Role.Auditor);

        var first = await PostAsync(session, await session.FormTokenAsync());
        var again = await PostAsync(session, await session.FormTokenAsync());
        var withoutToken = await PostAsync(session, token: null);
        var withOtherSessionsToken = await PostAsync(session, await otherSession.FormTokenAsync());

        Assert.Equal(HttpStatusCode.OK, first); // The form comes back with its errors: the token was accepted.
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken);
        Assert.Equal(HttpStatusCode.BadRequest, withOtherSessionsToken);
    }

    /// <summary>Posts the change-password form empty (so nothing changes) with the given antiforgery token, if any.</summary>
    private static async Task<HttpStatusCode> PostAsync(MatrixSession session, string? token)
    {
        var fields = token is null ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(fields);
        using var response = await session.Client.PostAsync(new Uri("/account/change-password", UriKind.Relative), content);
        return response.StatusCode;
    }
}

/// <summary>The matrix with the organisation that does not publish its framework as the target.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class AuthorizationMatrixUnpublishedTests(MatrixFactory factory, ITestOutputHelper output) : IClassFixture<MatrixFactory>
{
    [Fact]
    public Task EveryEndpoint_InTheCouncilThatDoesNotPublishItsFramework_AllowsExactlyWhatTheRulesSay() =>
        AuthorizationMatrixTests.CheckEveryEndpointAsync(factory, output, publishesFramework: false);
}

/// <summary>Who is asking: a role (null for the public), member of the target organisation or of the other one.</summary>
public sealed record Who(Role? Role, bool MemberOfTarget, bool ReadOnlyToken = false)
{
    public override string ToString() => Role is null ? "public" : $"{Role} ({(MemberOfTarget ? "member" : "other organisation")}{(ReadOnlyToken ? ", read-only token" : "")})";
}

public sealed record Outcome(HttpStatusCode Status, string? Location)
{
    public bool ServerError => (int)Status >= 500;

    /// <summary>Refused: 401, 403, 404, a redirect to sign-in. Anything else got past authorization.</summary>
    public bool Allowed => Status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound => false,
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther => Location is null || !Location.StartsWith("/sign-in", StringComparison.Ordinal),
        _ => true,
    };

    public override string ToString() => Location is null ? $"{(int)Status}" : $"{(int)Status} → {Location}";
}

/// <summary>
/// The app with, in each demo council, one account per role scoped to "Matrix unit A" (holding a
/// post there), and records to point routes at: "own" ones in unit A owned by the role's post,
/// "other" ones in unit B owned by nobody.
/// </summary>
public sealed class MatrixFactory : WaymarkFactory
{
    private readonly Dictionary<(string Slug, Role Role), MatrixMember> _members = [];
    private readonly Dictionary<string, MatrixSession> _sessions = [];
    private HttpClient? _apiClient;

    /// <summary>Records made once for GET cases: a GET changes nothing (<c>NoGet_ChangesAnything</c>), so they stay as made.</summary>
    private readonly Dictionary<(string Family, string Target, Who Who, Relation Relation), Dictionary<string, object>> _readRecords = [];
    private readonly Dictionary<string, (int UnitA, int UnitB)> _units = [];

    public List<Organisation> Organisations { get; } = [];

    private sealed record MatrixMember(string UserName, int UserId, int PersonId, int PostId, string Token, string ReadOnlyToken);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = CreateClient(); // Start the host: migrate and load the demo councils.
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, SetupActor, "tests");
        var orgs = await db.Organisations.Where(o => o.IsDemo).OrderBy(o => o.Name).ToListAsync();
        // B does not publish its framework, so the public and other organisations must be refused there.
        orgs[1].PublishFramework = false;
        await db.SaveChangesAsync();
        foreach (var org in orgs)
        {
            var unitA = new Unit { OrganisationId = org.Id, Name = "Matrix unit A" };
            var unitB = new Unit { OrganisationId = org.Id, Name = "Matrix unit B" };
            db.Units.AddRange(unitA, unitB);
            await db.SaveChangesAsync();
            _units[org.Slug] = (unitA.Id, unitB.Id);
            foreach (var role in Roles.All)
            {
                var person = new Person { OrganisationId = org.Id, Name = $"Matrix {role}", UnitId = unitA.Id };
                var post = new Post { OrganisationId = org.Id, UnitId = unitA.Id, Title = $"Matrix {role} post", Holder = person };
                db.AddRange(person, post);
                await db.SaveChangesAsync();
                var userName = $"matrix-{role.ToString().ToLowerInvariant()}@{org.Slug}.test";
                var account = await services.GetRequiredService<AccountAdministration>().CreateAsync(userName, $"Matrix {role}", org.Id, role, unitA.Id, person.Id);
                var tokens = services.GetRequiredService<ApiTokenService>();
                var token = await tokens.CreateAsync(account.User.Id, "matrix", readOnly: false, 30);
                var readOnly = await tokens.CreateAsync(account.User.Id, "matrix read-only", readOnly: true, 30);
                _members[(org.Slug, role)] = new MatrixMember(userName, account.User.Id, person.Id, post.Id, token.Secret, readOnly.Secret);
            }

            Organisations.Add(org);
        }
    }

    public static IEnumerable<Who> Actors()
    {
        yield return new Who(null, MemberOfTarget: false);
        foreach (var role in Roles.All)
        {
            yield return new Who(role, MemberOfTarget: true);
            yield return new Who(role, MemberOfTarget: false);
        }
    }

    private const string Setup = SetupActor;

    /// <summary>Audit entries that record a change made through the app (not the test's own set-up, sign-ins or token use).</summary>
    public async Task<int> AuditCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().AuditEntries
            .CountAsync(e => e.Actor != Setup && e.Action != AuditActions.SignedIn && e.Action != "API token used" && e.Action != "Audit trail exported");
    }

    public async Task<Outcome> SendAsync(RouteCase route, Organisation target, Who who, Relation relation)
    {
        var actorOrg = who.MemberOfTarget ? target : Organisations.Single(o => o.Id != target.Id);
        var url = await UrlAsync(route, target, who, relation);
        var api = route.Pattern.StartsWith("/api/", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(url, UriKind.Relative));
        MatrixSession? session = null;
        HttpClient client;
        if (api && who.Role is { } role)
        {
            client = ApiClient;
            var member = _members[(actorOrg.Slug, role)];
            request.Headers.Authorization = new("Bearer", who.ReadOnlyToken ? member.ReadOnlyToken : member.Token);
        }
        else
        {
            session = await SessionAsync(actorOrg, who.Role);
            client = session.Client;
        }

        if (route.Method != "GET")
        {
            if (api)
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            else
            {
                // A genuine form post: the antiforgery token of this session, nothing else.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await session!.FormTokenAsync() });
            }
        }

        using var response = await client.SendAsync(request);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        if (route.Key == "POST /sign-out" && who.Role is not null)
        {
            _sessions.Remove(_members[(actorOrg.Slug, who.Role.Value)].UserName); // Signed out: sign in afresh next time.
        }

        return new Outcome(response.StatusCode, location);
    }

    /// <summary>
    /// One client for every API call: no cookies kept and no redirects followed, so each call carries only its own
    /// bearer token, as a fresh client's would.
    /// </summary>
    private HttpClient ApiClient => _apiClient ??= CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// The browser session of the public (<paramref name="role"/> null), or of the role's account in the organisation
    /// signed in through the sign-in form; kept until it signs out.
    /// </summary>
    public async Task<MatrixSession> SessionAsync(Organisation organisation, Role? role)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var userName = role is { } r ? _members[(organisation.Slug, r)].UserName : null;
        var key = userName ?? "public";
        if (!_sessions.TryGetValue(key, out var session))
        {
            session = new MatrixSession(userName is null ? CreateClient(new() { AllowAutoRedirect = false }) : await SignedInClientAsync(userName), signedIn: userName is not null);
            _sessions[key] = session;
        }

        return session;
    }

    /// <summary>The route with its parameters filled: the target organisation, and fresh records of the asked-for kind.</summary>
    private async Task<string> UrlAsync(RouteCase route, Organisation target, Who who, Relation relation)
    {
        var url = route.Pattern.Replace("{org}", target.Slug, StringComparison.Ordinal).Replace("{code?}", "404", StringComparison.Ordinal);
        if (url.Contains("{id}", StringComparison.Ordinal))
        {
            var ids = route.Method == "GET" ? await ReadRecordsAsync(route, target, who, relation) : await ResourceAsync(route, target, who, relation);
            foreach (var (name, value) in ids)
            {
                url = url.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        if (url.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The matrix does not know how to fill the route {route.Pattern}: add a maker to Security/MatrixRecords.");
        }

        return route.Handler is null ? url : $"{url}?handler={route.Handler}";
    }

    /// <summary>
    /// For a GET, the records an earlier GET of the same family (the pattern up to its "{id}": the part
    /// record makers choose by) made for the same organisation, asker and relation.
    /// </summary>
    private async Task<Dictionary<string, object>> ReadRecordsAsync(RouteCase route, Organisation target, Who who, Relation relation)
    {
        var family = route.Pattern[..(route.Pattern.IndexOf("{id}", StringComparison.Ordinal) + "{id}".Length)];
        var key = (family, target.Slug, who, relation);
        if (!_readRecords.TryGetValue(key, out var ids))
        {
            ids = await ResourceAsync(route, target, who, relation);
            _readRecords[key] = ids;
        }

        return ids;
    }

    private Organisation Other(Organisation organisation) => Organisations.Single(o => o.Id != organisation.Id);

    /// <summary>Every record maker of the assembly (one per feature, in Security/MatrixRecords).</summary>
    private static readonly IMatrixRecordMaker[] Makers = [.. typeof(MatrixFactory).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMatrixRecordMaker).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IMatrixRecordMaker)Activator.CreateInstance(t)!)];

    /// <summary>
    /// Fresh records for each write case, so that what one case changes never affects the next, made by the one maker
    /// that knows the route's kind of <c>{id}</c>.
    /// </summary>
    private async Task<Dictionary<string, object>> ResourceAsync(RouteCase route, Organisation target, Who who, Relation relation)
    {
        var makers = Makers.Where(m => m.Makes(route.Pattern)).ToList();
        if (makers.Count != 1)
        {
            throw new InvalidOperationException(makers.Count == 0
                ? $"The matrix does not know which record {{id}} is in {route.Pattern}: add a maker to Security/MatrixRecords."
                : $"Several matrix record makers claim {route.Pattern}: {string.Join(", ", makers.Select(m => m.GetType().Name))}.");
        }

        var home = relation == Relation.Foreign ? Other(target) : target;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Setup, "tests");
        db.Scope.Enter(home);
        var (unitA, unitB) = _units[home.Slug];
        var request = new MatrixRecordRequest(
            db, scope.ServiceProvider, route.Pattern, home, target, ActorOrganisation: who.MemberOfTarget ? target : Other(target), who, relation,
            UnitId: relation == Relation.Own ? unitA : unitB, PostId: _members[(home.Slug, who.Role ?? Role.LeadOfficer)].PostId,
            UserId: (organisation, role) => _members[(organisation.Slug, role)].UserId);
        return await makers[0].MakeAsync(request);
    }

    public async Task<int> UserIdAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }
}

/// <summary>A browser session of the matrix: its client (cookies kept) and the antiforgery token of its forms.</summary>
public sealed class MatrixSession(HttpClient client, bool signedIn)
{
    private string? _formToken;

    public HttpClient Client { get; } = client;

    /// <summary>
    /// The token this session's forms carry, read from a page once: it is bound to the session's antiforgery cookie and
    /// account, so it holds until the session is replaced (signing out drops the session).
    /// </summary>
    public async Task<string> FormTokenAsync()
    {
        if (_formToken is null)
        {
            var page = await Client.GetStringAsync(new Uri(signedIn ? "/sign-out" : "/sign-in", UriKind.Relative));
            _formToken = Forms.AntiforgeryToken(page);
        }

        return _formToken;
    }
}

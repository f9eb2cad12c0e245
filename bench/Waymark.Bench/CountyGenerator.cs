using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waymark.Core;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Bench;

/// <summary>What the measuring needs to know about a generated county: who to sign in as, and which records to open.</summary>
public sealed record GeneratedCounty(
    string Slug, string Password, IReadOnlyDictionary<Role, string> UserNames, string OwnerUserName,
    IReadOnlyList<string> LeadOfficers, int IndicatorId, int PlanId, int Values, int Targets, int Actions, TimeSpan Took,
    TimeSpan CpuTook = default)
{
    /// <summary>The monitoring round, return, milestone and corrections the round pages are measured on.</summary>
    public CountyRounds Rounds { get; init; } = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Generates a large county, deterministically from a seed, through Core's DbContext: every row is audited as any save
/// (one entry per row, numbered and hash-chained in one pass per batch), values pass
/// <c>IndicatorValueEditor.Validate</c> and get their history entries from <c>IndicatorValueEditor.Event</c>, the plan
/// types and section template come from <c>PlanDefaults</c>. Rows are added in batches with one SaveChanges each and the
/// change tracker cleared between batches.
/// </summary>
public sealed partial class CountyGenerator(IServiceProvider services, CountySize size, int seed, TextWriter log)
{
    public const string Slug = "largeshire";

    /// <summary>The generated accounts' password hashes use this many PBKDF2 rounds; the measured server is started with the same.</summary>
    public const int PasswordIterations = 10_000;

    private const int BatchRows = 5000;

    private readonly Random _random = new(seed);
    private readonly List<Unit> _units = [];
    private readonly List<Post> _posts = [];
    private readonly Dictionary<int, (User User, Person Person, Role Role)> _holders = [];
    private readonly Dictionary<int, int> _postIndex = [];
    private Organisation _organisation = null!;

    public static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        // Configured, so that notices write their e-mails to the message log; nothing here sends them.
        services.AddSingleton(new Waymark.Core.Messages.MailSettings { Host = "mail.invalid", SenderAddress = $"performance@{Slug}.bench" });
        services.AddDbContext<WaymarkDbContext>(o => WaymarkDatabase.Configure(o, settings));
        services.AddWaymarkCore();
        return services.BuildServiceProvider();
    }

    public async Task<GeneratedCounty> GenerateAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // The program's own processor time as well as the clock's: on a shared machine the clock mostly measures the others.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            await db.Database.EnsureDeletedAsync(ct);
            await WaymarkDatabase.MigrateAsync(db, ct);
        }

        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var userNames = new Dictionary<Role, string>();
        string owner;
        await using (var scope = Enter())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            _organisation = new Organisation
            {
                Name = "Largeshire County Council (generated)", ShortName = "Largeshire", Slug = Slug, YearStartMonth = 4,
                Description = "A generated county for the benchmark.", PublishFramework = true,
            };
            db.Organisations.Add(_organisation);
            await db.SaveChangesAsync(ct);
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_organisation);
            owner = await AddStructureAsync(db, password, userNames, ct);
            Step("units, posts, people and accounts", clock);
        }

        var (indicatorId, values, targets) = await AddIndicatorsAsync(ct);
        Step($"{size.Indicators:N0} indicators, {targets:N0} targets, {values:N0} values", clock);
        var (planId, actions) = await AddPlansAsync(ct);
        Step($"{size.Plans:N0} plans, {actions:N0} actions", clock);
        var rounds = await AddRoundsAsync(planId, ct);
        Step($"two monitoring rounds, {rounds.Corrections:N0} corrections, returns in every state", clock);

        var leads = _holders.Values.Where(h => h.Role == Role.LeadOfficer).Select(h => h.User.UserName).ToList();
        return new GeneratedCounty(Slug, password, userNames, owner, leads, indicatorId, planId, values, targets, actions, clock.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu) { Rounds = rounds };
    }

    /// <summary>A scope whose DbContext audits as the generator, in the county once it exists.</summary>
    private AsyncServiceScope Enter()
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, "Waymark benchmark generator", "bench");
        if (_organisation is not null)
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_organisation);
        }

        return scope;
    }

    private void Step(string what, Stopwatch clock) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  generated {what} ({clock.Elapsed.TotalSeconds:F1} s; processor {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s)"));

    private async Task<string> AddStructureAsync(WaymarkDbContext db, string password, Dictionary<Role, string> userNames, CancellationToken ct)
    {
        for (var u = 0; u < size.Units; u++)
        {
            _units.Add(new Unit
            {
                OrganisationId = _organisation.Id, Name = $"{Words.Service(u)} service", Kind = "Service area", SortOrder = u,
                Description = $"Delivers the county's {Words.Service(u).ToLowerInvariant()} services.",
            });
        }

        db.Units.AddRange(_units);
        await db.SaveChangesAsync(ct);

        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }));
        string? hash = null;
        var perUnit = Math.Max(1, size.Posts / size.Units);
        string? owner = null;
        for (var n = 0; n < size.Posts; n++)
        {
            var unit = _units[Math.Min(n / perUnit, _units.Count - 1)];
            var inUnit = n - (_units.IndexOf(unit) * perUnit);
            var role = RoleOf(n, inUnit);
            var person = new Person
            {
                OrganisationId = _organisation.Id, Name = Words.PersonName(_random, n), Unit = unit,
                Kind = role == Role.Councillor ? PersonKind.Councillor : PersonKind.Officer,
            };
            var post = new Post
            {
                OrganisationId = _organisation.Id, Unit = unit, Holder = person, SortOrder = inUnit,
                Title = inUnit == 0 ? $"Head of {unit.Name}" : $"{Words.PostTitle(_random)} ({n + 1:D4})",
            };
            var userName = n switch
            {
                _ when role != Role.LeadOfficer && !userNames.ContainsKey(role) => $"{role.ToString().ToLowerInvariant()}@{Slug}.bench",
                _ => $"officer{n + 1:D4}@{Slug}.bench",
            };
            var user = new User
            {
                UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = person.Name, Email = userName,
                SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
            };
            user.PasswordHash = hash ??= hasher.HashPassword(user, password);
            user.Memberships.Add(new Membership
            {
                OrganisationId = _organisation.Id, Role = role,
                Unit = role is Role.ServiceManager or Role.LeadOfficer ? unit : null,
                Person = role is Role.ServiceManager or Role.LeadOfficer ? person : null,
            });
            userNames.TryAdd(role, userName);
            if (role == Role.LeadOfficer && owner is null)
            {
                owner = userName;
            }

            _posts.Add(post);
            _holders[n] = (user, person, role);
            db.AddRange(person, post, user);
        }

        await db.SaveChangesAsync(ct);
        for (var n = 0; n < _posts.Count; n++)
        {
            _postIndex[_posts[n].Id] = n;
        }

        foreach (var unit in _units)
        {
            unit.HeadPost = _posts.First(p => p.Unit == unit);
        }

        await db.SaveChangesAsync(ct);
        userNames[Role.LeadOfficer] = owner!;
        return owner!;
    }

    /// <summary>Each unit's first post is its head (a service manager); the first unit also holds the central roles.</summary>
    private static Role RoleOf(int n, int inUnit) => (n, inUnit) switch
    {
        (_, 0) => Role.ServiceManager,
        (1, _) => Role.Administrator,
        (2, _) => Role.PerformanceOfficer,
        (3, _) => Role.Auditor,
        (4, _) => Role.Councillor,
        _ => Role.LeadOfficer,
    };

    private Actor ActorOf(int postIndex)
    {
        var (user, person, role) = _holders[postIndex];
        var post = _posts[postIndex];
        return new Actor(user.Id, user.DisplayName, _organisation.Id, role, WholeOrganisation: false,
            new HashSet<int> { post.UnitId }, person.Id, new HashSet<int> { post.Id });
    }

    /// <summary>Saves what the context holds and forgets it, so that the next batch starts with an empty tracker.</summary>
    private static async Task FlushAsync(WaymarkDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

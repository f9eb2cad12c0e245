using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Demo;

public sealed record DemoLoadResult(string Slug, string Name, bool Loaded);

/// <summary>
/// Loads the demonstration councils from the data files shipped in this assembly, with generated demonstration values
/// for their indicators (see <see cref="DemoValues"/>). Idempotent: a council whose slug is already present is left alone.
/// Each council runs as at <see cref="DemoSettings.AsAt"/>.
/// </summary>
public sealed partial class DemoLoader(WaymarkDbContext db, DemoSettings? settings = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The names of the shipped data files ("south-cambridgeshire.json" …).</summary>
    public static IReadOnlyList<string> FileNames() =>
        typeof(DemoLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Waymark.Demo.", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("Waymark.Demo.Plans.", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("Waymark.Demo.Risks.", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("Waymark.Demo.Baskets.", StringComparison.Ordinal))
            .Select(n => n["Waymark.Demo.".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A council's part file (Demo/&lt;folder&gt;/&lt;slug&gt;.&lt;suffix&gt;.json), or null when it has none.</summary>
    private static T? ReadPart<T>(string slug, string folder, string suffix)
        where T : class
    {
        using var stream = typeof(DemoLoader).Assembly.GetManifestResourceStream($"Waymark.Demo.{folder}.{slug}.{suffix}.json");
        if (stream is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new DemoDataException($"{slug}.{suffix}.json is not valid: {ex.Message}", ex);
        }
    }

    public static DemoFile ReadFile(string fileName)
    {
        using var stream = typeof(DemoLoader).Assembly.GetManifestResourceStream("Waymark.Demo." + fileName)
            ?? throw new DemoDataException($"No demo data file called '{fileName}'.");
        return Parse(stream, fileName);
    }

    public static DemoFile Parse(Stream stream, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize<DemoFile>(stream, JsonOptions)
                ?? throw new DemoDataException($"{fileName} is empty.");
        }
        catch (JsonException ex)
        {
            throw new DemoDataException($"{fileName} is not valid: {ex.Message}", ex);
        }
    }

    public async Task<IReadOnlyList<DemoLoadResult>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<DemoLoadResult>();
        foreach (var fileName in FileNames())
        {
            results.Add(await LoadAsync(ReadFile(fileName), fileName, cancellationToken));
        }

        return results;
    }

    public async Task<DemoLoadResult> LoadAsync(DemoFile file, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var o = file.Organisation ?? throw new DemoDataException($"{fileName} has no organisation.");
        if (await db.Organisations.AnyAsync(x => x.Slug == o.Slug, cancellationToken))
        {
            return new DemoLoadResult(o.Slug, o.Name, Loaded: false);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var builder = new Builder(db, fileName, new Organisation
            {
                Name = o.Name,
                ShortName = o.ShortName,
                Slug = o.Slug,
                Description = o.Description,
                YearStartMonth = o.YearStartMonth ?? 4,
                IsDemo = true,
                PublishFramework = true,
                AsAt = (settings ?? DemoSettings.Default).AsAt,

                // The commentary rules the issue asks of councils reporting a quarter: why a Red or Amber entry is so,
                // and for Red, what is being done about it. The demonstration's own stored entries are not judged again.
                CommentaryWhenRedOrAmber = true,
                RemedialWhenRed = true,
            });
            await builder.BuildAsync(file, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return new DemoLoadResult(o.Slug, o.Name, Loaded: true);
    }

    /// <summary>Turns one file into rows, resolving the file's keys to entities.</summary>
    private sealed partial class Builder(WaymarkDbContext db, string fileName, Organisation organisation)
    {
        private readonly Dictionary<string, FrameworkLevel> _levels = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Post> _posts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Objective> _nodes = new(StringComparer.Ordinal);
        private readonly List<(DemoUnit Source, Unit Unit)> _unitSources = [];
        private readonly List<(DemoNode Source, Objective Node)> _nodeSources = [];

        public async Task BuildAsync(DemoFile file, CancellationToken cancellationToken)
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);

            var order = 0;
            foreach (var level in file.Levels ?? [])
            {
                Add(_levels, level.Key, "level", new FrameworkLevel
                {
                    OrganisationId = organisation.Id, Key = level.Key, Name = level.Name,
                    PluralName = level.Plural, Description = level.Description, SortOrder = order++,
                });
            }

            foreach (var person in file.People ?? [])
            {
                Add(_people, person.Key, "person", new Person
                {
                    OrganisationId = organisation.Id, Name = person.Name,
                    Kind = string.Equals(person.Kind, "councillor", StringComparison.OrdinalIgnoreCase)
                        ? PersonKind.Councillor : PersonKind.Officer,
                });
            }

            AddUnits(file.Units ?? [], parent: null);
            foreach (var person in (file.People ?? []).Where(p => p.Unit is not null))
            {
                _people[person.Key].Unit = Resolve(_units, person.Unit!, "unit", $"person '{person.Key}'");
            }

            db.AddRange(_levels.Values);
            db.AddRange(_people.Values);
            db.AddRange(_units.Values);
            await db.SaveChangesAsync(cancellationToken);

            // A unit's head is one of the posts, so it can only be set once posts exist.
            foreach (var (source, unit) in _unitSources.Where(u => u.Source.HeadPost is not null))
            {
                unit.HeadPost = Resolve(_posts, source.HeadPost!, "post", $"unit '{source.Key}'");
            }

            AddNodes(file.Framework ?? [], parent: null);
            foreach (var (source, node) in _nodeSources)
            {
                foreach (var target in source.ContributesTo ?? [])
                {
                    node.ContributesTo.Add(new ObjectiveLink
                    {
                        OrganisationId = organisation.Id,
                        FromObjective = node,
                        ToObjective = Resolve(_nodes, target, "framework node", $"node '{source.Key}'"),
                    });
                }
            }

            AddIndicators(file.Indicators ?? []);
            AddBaskets();
            AddMilestones(file.Milestones ?? []);
            await db.SaveChangesAsync(cancellationToken);

            if (ReadPlans(organisation.Slug) is { } plans)
            {
                AddPlans(plans);
                await db.SaveChangesAsync(cancellationToken);
            }

            AddValueEvents();
            AddBreakdowns();
            await db.SaveChangesAsync(cancellationToken);

            if (ReadRisks(organisation.Slug) is { } risks)
            {
                AddRisks(risks);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (ReadBaskets(organisation.Slug) is { } baskets)
            {
                AddReportBaskets(baskets);
                await db.SaveChangesAsync(cancellationToken);
            }
            await AddRoundsAsync(cancellationToken);
        }

        private void AddUnits(IEnumerable<DemoUnit> units, Unit? parent)
        {
            var order = 0;
            foreach (var source in units)
            {
                var unit = new Unit
                {
                    OrganisationId = organisation.Id, Parent = parent, Name = source.Name, Kind = source.Kind,
                    Description = source.Description, SortOrder = order++,
                };
                Add(_units, source.Key, "unit", unit);
                _unitSources.Add((source, unit));

                var postOrder = 0;
                foreach (var p in source.Posts ?? [])
                {
                    var post = new Post
                    {
                        OrganisationId = organisation.Id, Title = p.Title, SortOrder = postOrder++,
                        Holder = p.Holder is null ? null : Resolve(_people, p.Holder, "person", $"post '{p.Key}'"),
                    };
                    Add(_posts, p.Key, "post", post);
                    unit.Posts.Add(post);
                }

                var holderOrder = 0;
                foreach (var h in source.PortfolioHolders ?? [])
                {
                    unit.PortfolioHolders.Add(new PortfolioHolder
                    {
                        OrganisationId = organisation.Id, Portfolio = h.Portfolio, Note = h.Note, SortOrder = holderOrder++,
                        Person = Resolve(_people, h.Person, "person", $"unit '{source.Key}'"),
                    });
                }

                AddUnits(source.Units ?? [], unit);
            }
        }

        private void AddNodes(IEnumerable<DemoNode> nodes, Objective? parent)
        {
            var order = 0;
            foreach (var source in nodes)
            {
                var where = $"node '{source.Key}'";
                var node = new Objective
                {
                    OrganisationId = organisation.Id,
                    Parent = parent,
                    Level = Resolve(_levels, source.Level, "level", where),
                    Reference = source.Ref,
                    Title = source.Title,
                    Description = source.Description,
                    Unit = source.Unit is null ? null : Resolve(_units, source.Unit, "unit", where),
                    OwnerPost = source.OwnerPost is null ? null : Resolve(_posts, source.OwnerPost, "post", where),
                    OwnerPerson = source.OwnerPerson is null ? null : Resolve(_people, source.OwnerPerson, "person", where),
                    StartPeriod = Year(source.Start, where),
                    EndPeriod = Year(source.End, where),
                    SortOrder = order++,
                };
                Add(_nodes, source.Key, "framework node", node);
                _nodeSources.Add((source, node));
                db.Objectives.Add(node);
                AddNodes(source.Children ?? [], node);
            }
        }

        private Period? Year(string? text, string where)
        {
            if (text is null)
            {
                return null;
            }

            var parsed = PeriodText.Parse(text, organisation.YearStartMonth);
            return parsed.Kind == PeriodTextKind.Period && parsed.Period is { Kind: PeriodKind.Year } year
                ? year
                : throw new DemoDataException($"{fileName}: {where} has period '{text}', which is not a financial year such as 2009/10.");
        }

        private void Add<T>(Dictionary<string, T> map, string key, string what, T value)
        {
            if (string.IsNullOrWhiteSpace(key) || !map.TryAdd(key, value))
            {
                throw new DemoDataException($"{fileName}: {what} key '{key}' is empty or used twice.");
            }
        }

        private T Resolve<T>(Dictionary<string, T> map, string key, string what, string where) =>
            map.TryGetValue(key, out var value)
                ? value
                : throw new DemoDataException($"{fileName}: {where} refers to {what} '{key}', which the file does not define.");
    }
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Spreadsheets;
using Waymark.Core.Units;

namespace Waymark.Core.Indicators.Import;

public sealed partial class IndicatorImport
{
    /// <summary>
    /// Definitions: a row whose code an indicator has changes it (a column the file leaves out keeps what is set); any
    /// other row creates one. The editor checks the rest, in the preview's rolled-back transaction and again on save.
    /// </summary>
    private async Task CheckDefinitionsAsync(Plan plan, ReadTable table, CancellationToken ct)
    {
        var objectives = (await db.IndicatorObjectives.AsNoTracking().ToListAsync(ct)).ToLookup(o => o.IndicatorId, o => o.ObjectiveId);
        var inputs = (await db.IndicatorInputs.AsNoTracking().ToListAsync(ct)).ToLookup(o => o.IndicatorId);
        var people = new People(
            await db.Units.AsNoTracking().ToListAsync(ct),
            await db.Posts.AsNoTracking().Include(p => p.Holder).ToListAsync(ct),
            await db.People.AsNoTracking().ToListAsync(ct));
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var code = plan.Cell(row, ImportColumns.Code) ?? "";
            if (code.Length == 0)
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code, "Enter the indicator's code: rows are matched to indicators by their code"));
                continue;
            }

            if (!first.TryAdd(code, row.RowNumber))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code, $"Row {first[code]} is also for {code}: keep one of the two rows"));
                continue;
            }

            var existing = Find(plan, code);
            var current = existing is null ? null
                : IndicatorDefinitionInput.From(existing, [.. objectives[existing.Id]], [.. inputs[existing.Id]], plan.YearStartMonth);
            var errors = new Dictionary<string, string>();
            var input = Read(plan, row, current ?? new IndicatorDefinitionInput { Code = code }, people, errors);
            if (errors.Count > 0)
            {
                AddErrors(plan, row, errors);
                continue;
            }

            plan.Seen[row.RowNumber] = existing?.Version;
            var label = existing?.Code ?? code;
            ImportChange change;
            if (current is null)
            {
                change = new ImportChange(row.RowNumber, ImportChangeKind.New, $"New indicator {code} {input.Title}");
            }
            else
            {
                var changed = Compared.Where(c => !Equals(c.Key(current), c.Key(input))).Select(c => c.Column).ToList();
                change = changed.Count == 0
                    ? new ImportChange(row.RowNumber, ImportChangeKind.NoChange, $"No change to {label}")
                    : new ImportChange(row.RowNumber, ImportChangeKind.Change, $"Change {label}: " + string.Join("; ", changed.Select(c =>
                        c == ImportColumns.Title ? $"title from \"{current.Title}\" to \"{input.Title}\"" : c.ToLowerInvariant())));
            }

            plan.Changes.Add(change);
            ImportProblem Quoted(string column, string message) => Problem(plan, row, column, message);
            plan.Actions.Add(new RowAction(row.RowNumber, label, existing?.Id, async (version, token) =>
            {
                if (existing is null)
                {
                    var created = await editor.CreateAsync(plan.Actor, input, token);
                    return new RowOutcome(Outcome(row.RowNumber, $"The new indicator {code}", ImportColumns.Code, created, Quoted));
                }

                if (version is null)
                {
                    return new RowOutcome([new ImportProblem(row.RowNumber, ImportColumns.Code,
                        $"An indicator with the code {label} was added by someone else after the preview, so nothing has been saved. Upload the file again to see the changes.")]);
                }

                if (change.Kind == ImportChangeKind.NoChange)
                {
                    var now = await db.Indicators.AsNoTracking().Where(i => i.Id == existing.Id).Select(i => (Guid?)i.Version).SingleOrDefaultAsync(token);
                    return new RowOutcome(now == version ? [] : [Conflict(row.RowNumber, label, ImportColumns.Code)], now);
                }

                var result = await editor.UpdateAsync(plan.Actor, existing.Id, version, input, token);
                return new RowOutcome(Outcome(row.RowNumber, label, ImportColumns.Code, result, Quoted), result.Record?.Version);
            }));
        }
    }

    /// <summary>The row over the indicator's current definition: only the columns the file has are taken.</summary>
    private static IndicatorDefinitionInput Read(Plan plan, ReadRow row, IndicatorDefinitionInput input, People people, Dictionary<string, string> errors)
    {
        string? Cell(string column) => plan.Cell(row, column);
        bool Has(string column) => plan.Has(column);
        if (Has(ImportColumns.Title))
        {
            input = input with { Title = Cell(ImportColumns.Title) };
        }

        if (Has(ImportColumns.Definition))
        {
            input = input with { Definition = Cell(ImportColumns.Definition) };
        }

        if (Has(ImportColumns.Unit))
        {
            input = input with { Unit = Word(Cell(ImportColumns.Unit), IndicatorWords.Units, u => u.Text()) };
        }

        if (Has(ImportColumns.DecimalPlaces))
        {
            input = input with { DecimalPlaces = Cell(ImportColumns.DecimalPlaces) };
        }

        if (Has(ImportColumns.Polarity))
        {
            input = input with { Polarity = Word(Cell(ImportColumns.Polarity), IndicatorWords.Polarities, p => p.Text()) };
        }

        if (Has(ImportColumns.Frequency))
        {
            input = input with { Frequency = Word(Cell(ImportColumns.Frequency), IndicatorWords.Frequencies, f => f.Text()) };
        }

        if (Has(ImportColumns.Aggregation))
        {
            input = input with { Aggregation = Word(Cell(ImportColumns.Aggregation), IndicatorWords.Aggregations, a => a.Text()) };
        }

        if (Has(ImportColumns.DataSource))
        {
            input = input with { DataSource = Cell(ImportColumns.DataSource) };
        }

        if (Has(ImportColumns.Tags))
        {
            var tags = (Cell(ImportColumns.Tags) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            input = input with { Tags = [.. tags.Select(t => Word(t, IndicatorWords.Tags, x => x.Text())!)] };
        }

        if (Has(ImportColumns.OrganisationUnit))
        {
            input = input with { UnitId = people.Unit(Cell(ImportColumns.OrganisationUnit), errors) };
        }

        if (Has(ImportColumns.DataOwner))
        {
            var (post, person) = people.Owner(Cell(ImportColumns.DataOwner), IndicatorFields.DataOwnerPostId, errors);
            input = input with { DataOwnerPostId = post, DataOwnerPersonId = person };
        }

        if (Has(ImportColumns.LeadOfficer))
        {
            var (post, person) = people.Owner(Cell(ImportColumns.LeadOfficer), IndicatorFields.LeadPostId, errors);
            input = input with { LeadPostId = post, LeadPersonId = person };
        }

        if (Has(ImportColumns.BaselineValue))
        {
            input = input with { BaselineValue = Cell(ImportColumns.BaselineValue) };
        }

        if (Has(ImportColumns.BaselinePeriod))
        {
            input = input with { BaselinePeriod = Cell(ImportColumns.BaselinePeriod) };
        }

        if (Has(ImportColumns.BaselineNote))
        {
            input = input with { BaselineNote = Cell(ImportColumns.BaselineNote) };
        }

        if (Has(ImportColumns.ToleranceType))
        {
            input = input with { ToleranceKind = Word(Cell(ImportColumns.ToleranceType), IndicatorWords.ToleranceKinds, IndicatorWords.Word) };
        }

        if (Has(ImportColumns.Tolerance))
        {
            input = input with { ToleranceAmount = Cell(ImportColumns.Tolerance) };
        }

        if (Has(ImportColumns.FirstYear))
        {
            input = input with { CollectFrom = Cell(ImportColumns.FirstYear) };
        }

        if (Has(ImportColumns.LastYear))
        {
            input = input with { CollectUntil = Cell(ImportColumns.LastYear) };
        }

        if (Has(ImportColumns.Minimum))
        {
            input = input with { Minimum = Cell(ImportColumns.Minimum) };
        }

        if (Has(ImportColumns.Maximum))
        {
            input = input with { Maximum = Cell(ImportColumns.Maximum) };
        }

        return input;
    }

    /// <summary>A choice as its word ("higher") or as the pages show it ("Higher is better"), any case; other text as written, for the editor to refuse.</summary>
    private static string? Word<T>(string? cell, IReadOnlyDictionary<string, T> words, Func<T, string> text)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        if (IndicatorWords.TryRead<T>(cell, out _))
        {
            return cell;
        }

        var shown = words.FirstOrDefault(w => string.Equals(text(w.Value), cell.Trim(), StringComparison.OrdinalIgnoreCase));
        return shown.Key ?? cell;
    }

    /// <summary>What the change description compares, column by column: each as it reads (so "33.90" is "33.9").</summary>
    private static readonly (string Column, Func<IndicatorDefinitionInput, object?> Key)[] Compared =
    [
        (ImportColumns.Title, i => Clean(i.Title)),
        (ImportColumns.Definition, i => Clean(i.Definition)),
        (ImportColumns.Unit, i => Choice<IndicatorUnit>(i.Unit, IndicatorUnit.Number)),
        (ImportColumns.DecimalPlaces, i => string.IsNullOrWhiteSpace(i.DecimalPlaces) ? "0" : i.DecimalPlaces.Trim()),
        (ImportColumns.Polarity, i => Choice<Polarity>(i.Polarity, null)),
        (ImportColumns.Frequency, i => Choice<Frequency>(i.Frequency, null)),
        (ImportColumns.Aggregation, i => Choice<Aggregation>(i.Aggregation, null)),
        (ImportColumns.DataSource, i => Clean(i.DataSource)),
        (ImportColumns.Tags, i => string.Join(";", (i.Tags ?? []).Select(t => Choice<IndicatorTags>(t, null)?.ToString()).Order(StringComparer.Ordinal))),
        (ImportColumns.OrganisationUnit, i => i.UnitId),
        (ImportColumns.DataOwner, i => (i.DataOwnerPostId, i.DataOwnerPersonId)),
        (ImportColumns.LeadOfficer, i => (i.LeadPostId, i.LeadPersonId)),
        (ImportColumns.BaselineValue, i => Number(i.BaselineValue, null)),
        (ImportColumns.BaselinePeriod, i => Clean(i.BaselinePeriod)),
        (ImportColumns.BaselineNote, i => Clean(i.BaselineNote)),
        (ImportColumns.ToleranceType, i => Choice<ToleranceKind>(i.ToleranceKind, ToleranceKind.PercentOfTarget)),
        (ImportColumns.Tolerance, i => Number(i.ToleranceAmount, 5m)),
        (ImportColumns.FirstYear, i => Clean(i.CollectFrom)),
        (ImportColumns.LastYear, i => Clean(i.CollectUntil)),
        (ImportColumns.Minimum, i => Number(i.Minimum, null)),
        (ImportColumns.Maximum, i => Number(i.Maximum, null)),
    ];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object? Choice<T>(string? word, T? fallback)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(word) ? fallback : IndicatorWords.TryRead<T>(word, out var value) ? value : word;

    private static object? Number(string? text, decimal? fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback : IndicatorNumbers.TryParse(text, out var value) ? value : text;

    /// <summary>Units, posts and people by name: a unit by its name or path ("Planning / Policy"), an owner by post title or person name.</summary>
    private sealed class People(List<Unit> units, List<Post> posts, List<Person> people)
    {
        private readonly Dictionary<int, string> _paths = units.ToDictionary(u => u.Id, u => Path(u, units));

        public int? Unit(string? text, Dictionary<string, string> errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var wanted = Normalise(text);
            var byPath = units.Where(u => string.Equals(_paths[u.Id], wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            var matches = byPath.Count > 0 ? byPath : units.Where(u => string.Equals(u.Name.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1)
            {
                return matches[0].Id;
            }

            errors[IndicatorFields.UnitId] = matches.Count == 0
                ? $"There is no unit called \"{text}\": write its name as the structure shows it, or its path such as \"Service area / Team\""
                : $"More than one unit is called \"{text}\": write its path, such as \"{_paths[matches[0].Id]}\"";
            return null;
        }

        public (int? Post, int? Person) Owner(string? text, string field, Dictionary<string, string> errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, null);
            }

            var name = text.Trim();
            var byPost = posts.Where(p => string.Equals(p.Title.Trim(), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Describe(), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byPost.Count == 1)
            {
                return (byPost[0].Id, null);
            }

            var byPerson = people.Where(p => string.Equals(p.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byPost.Count == 0 && byPerson.Count == 1)
            {
                return (null, byPerson[0].Id);
            }

            errors[field] = byPost.Count + byPerson.Count == 0
                ? $"There is no post or person called \"{text}\": write a post's title or a person's name as the structure shows it"
                : byPost.Count > 1
                    ? $"More than one post is called \"{text}\": write the post with its holder, such as \"{byPost[0].Describe()}\""
                    : $"More than one person is called \"{text}\": write the title of their post instead";
            return (null, null);
        }

        private static string Path(Unit unit, List<Unit> all)
        {
            var names = new List<string>();
            var seen = new HashSet<int>();
            for (var u = unit; u is not null && seen.Add(u.Id); u = u.ParentId is { } p ? all.FirstOrDefault(x => x.Id == p) : null)
            {
                names.Insert(0, u.Name.Trim());
            }

            return string.Join(" / ", names);
        }

        private static string Normalise(string path) =>
            string.Join(" / ", path.Split(['/', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Demo;

// The indicators of a demo file, with their targets, objective links and generated demonstration values.
public sealed partial class DemoLoader
{
    /// <summary>Who entered (and verified) a generated value, as the screens show it.</summary>
    public const string DemonstrationName = "Demonstration data";

    /// <summary>The commentary of a generated value.</summary>
    public const string DemonstrationCommentary = "Demonstration value (generated).";

    private sealed partial class Builder
    {
        private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
        private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
        private readonly List<(Indicator Indicator, DemoIndicator Source, string Where)> _baskets = [];

        /// <summary>
        /// Fills the baskets of roll-up indicators once every indicator exists: the members named by key, and every entered
        /// indicator carrying one of the basket's tags ("% of important Council PIs that are improving (NIs &amp; local)").
        /// </summary>
        private void AddBaskets()
        {
            foreach (var (indicator, source, where) in _baskets)
            {
                var tags = (source.BasketTags ?? []).Aggregate(IndicatorTags.None, (all, tag) => all | Word<IndicatorTags>(tag, "basket tag", where));
                var members = (source.Basket ?? []).Select(key => Resolve(_indicators, key, "indicator", where))
                    .Concat(_indicators.Values.Where(i => (i.Tags & tags) != 0 && i.Calculation == CalculationKind.None))
                    .Where(i => i != indicator).Distinct().ToList();
                if (members.Count == 0)
                {
                    throw new DemoDataException($"{fileName}: {where} is a roll-up with an empty basket.");
                }

                foreach (var member in members)
                {
                    indicator.Inputs.Add(new IndicatorInput { OrganisationId = organisation.Id, InputIndicator = member });
                }
            }
        }

        /// <summary>Adds the indicators (saved with the framework); their values' history follows in <see cref="AddValueEvents"/>.</summary>
        private void AddIndicators(IEnumerable<DemoIndicator> sources)
        {
            var order = 0;
            foreach (var source in sources)
            {
                var where = $"indicator '{source.Key}'";
                if (source.Code is { } code && !_codes.Add(code))
                {
                    throw new DemoDataException($"{fileName}: {where} has code '{code}', which another indicator already has.");
                }

                var unit = Word<IndicatorUnit>(source.Unit ?? "none", "unit", where);
                var indicator = new Indicator
                {
                    OrganisationId = organisation.Id,
                    Code = source.Code,
                    Title = source.Title,
                    Definition = source.Definition,
                    Unit = unit,
                    DecimalPlaces = DecimalPlaces(source, unit, where),
                    Polarity = Word<Polarity>(source.Polarity ?? "", "polarity", where),
                    Frequency = Word<Frequency>(source.Frequency ?? "annual", "frequency", where),
                    Aggregation = Word<Aggregation>(source.Aggregation ?? "latest", "aggregation", where),
                    DataSource = source.DataSource,
                    Tags = (source.Tags ?? []).Aggregate(IndicatorTags.None, (tags, tag) => tags | Word<IndicatorTags>(tag, "tag", where)),
                    BaselineValue = source.Baseline?.Value,
                    BaselinePeriod = source.Baseline?.Period,
                    BaselineNote = source.Baseline?.Note,
                    SortOrder = order++,
                };
                Add(_indicators, source.Key, "indicator", indicator);

                // The seeds name one responsible officer, who both enters the values and answers for them.
                var post = source.OwnerPost is null ? null : Resolve(_posts, source.OwnerPost, "post", where);
                var person = source.OwnerPerson is null ? null : Resolve(_people, source.OwnerPerson, "person", where);
                indicator.DataOwnerPost = indicator.LeadPost = post;
                indicator.DataOwnerPerson = indicator.LeadPerson = person;

                var measured = new List<Objective>();
                foreach (var key in source.Measures ?? [])
                {
                    var node = Resolve(_nodes, key, "framework node", where);
                    if (measured.Contains(node))
                    {
                        throw new DemoDataException($"{fileName}: {where} measures framework node '{key}' twice.");
                    }

                    measured.Add(node);
                    indicator.Objectives.Add(new IndicatorObjective { OrganisationId = organisation.Id, Objective = node });
                }

                indicator.OwningUnit = source.OwningUnit is not null
                    ? Resolve(_units, source.OwningUnit, "unit", where)
                    : measured.FirstOrDefault()?.Unit ?? UnitOf(post) ?? person?.Unit;

                AddTargets(indicator, source, where);
                if (source.Calculation is { } calculation)
                {
                    indicator.Calculation = Word<CalculationKind>(calculation, "calculation", where);
                    if (indicator.Calculation is not (CalculationKind.PercentOnTarget or CalculationKind.PercentImproving))
                    {
                        throw new DemoDataException($"{fileName}: {where} has calculation '{calculation}'; demo files hold only roll-ups (percent-on-target, percent-improving).");
                    }

                    _baskets.Add((indicator, source, where));
                }
                else if (source.DemoValues != false)
                {
                    AddValues(indicator, source.Key);
                }

                db.Indicators.Add(indicator);
            }
        }

        private void AddTargets(Indicator indicator, DemoIndicator source, string where)
        {
            foreach (var target in source.Targets ?? [])
            {
                var year = Year(target.Year, where) ?? throw new DemoDataException($"{fileName}: {where} has a target without a year.");
                if ((target.Value is null) == string.IsNullOrWhiteSpace(target.Text))
                {
                    throw new DemoDataException($"{fileName}: {where} has a target for {target.Year} that needs either a value or a text (not both).");
                }

                AddTarget(indicator, year, target.Value, target.Value is null ? target.Text : null, where);
            }

            var years = indicator.Targets.Select(t => t.Period).Order().ToList();
            if (years.Count > 0)
            {
                indicator.CollectFrom = years[0];
                indicator.CollectUntil = years[^1];
            }

            foreach (var profile in source.Profile ?? [])
            {
                var parsed = PeriodText.Parse(profile.Period, organisation.YearStartMonth);
                if (parsed is not { Kind: PeriodTextKind.Period, Period: { Kind: PeriodKind.Quarter or PeriodKind.Month } period }
                    || !years.Any(y => y.Contains(period)))
                {
                    throw new DemoDataException(
                        $"{fileName}: {where} has a profile target for '{profile.Period}', which is not a quarter or month of one of its target years.");
                }

                AddTarget(indicator, period, profile.Value, null, where);
            }
        }

        private void AddTarget(Indicator indicator, Period period, decimal? value, string? text, string where)
        {
            if (indicator.Targets.Any(t => t.Period == period))
            {
                throw new DemoDataException($"{fileName}: {where} has two targets for {period.Format(organisation.YearStartMonth)}.");
            }

            indicator.Targets.Add(new IndicatorTarget { OrganisationId = organisation.Id, Period = period, Value = value, Text = text });
        }

        /// <summary>The generated values (docs/demo-data.md): entered ten days after the period ends, verified a week
        /// later except for the two most recent. Only for periods whose values had fallen due by the date the council runs
        /// as at, so that the returns due then (Q3 2011/12 as at January 2012) are left for people to enter.</summary>
        private void AddValues(Indicator indicator, string key)
        {
            var facts = new DemoValueFacts(
                $"{organisation.Slug}/{key}", indicator.Unit, indicator.DecimalPlaces, indicator.Polarity, indicator.Frequency,
                indicator.Aggregation, organisation.YearStartMonth, indicator.Tolerance, indicator.BaselineValue);
            var generated = DemoValues.Generate(facts, [.. indicator.Targets.Select(t => new DemoValueTarget(t.Period, t.Value))])
                .Where(v => organisation.AsAt is not { } asAt || v.Period.End.AddDays(organisation.ValuesDueDays) < asAt)
                .ToList();
            for (var i = 0; i < generated.Count; i++)
            {
                var entered = new DateTimeOffset(generated[i].Period.End.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var verified = i < generated.Count - 2;
                indicator.Values.Add(new IndicatorValue
                {
                    OrganisationId = organisation.Id,
                    Period = generated[i].Period,
                    Value = generated[i].Value,
                    Commentary = DemonstrationCommentary,
                    EnteredByName = DemonstrationName,
                    EnteredAt = entered,
                    VerifiedByName = verified ? DemonstrationName : null,
                    VerifiedAt = verified ? entered.AddDays(7) : null,
                    IsDemonstration = true,
                });
            }
        }

        /// <summary>Each generated value's history: entered, and verified where it is. Needs the indicators' keys.</summary>
        private void AddValueEvents()
        {
            foreach (var value in _indicators.Values.SelectMany(i => i.Values))
            {
                db.IndicatorValueEvents.Add(Event(value, ValueEventKind.Entered, value.EnteredAt));
                if (value.VerifiedAt is { } at)
                {
                    db.IndicatorValueEvents.Add(Event(value, ValueEventKind.Verified, at));
                }
            }
        }

        private IndicatorValueEvent Event(IndicatorValue value, ValueEventKind kind, DateTimeOffset at) => new()
        {
            OrganisationId = organisation.Id,
            IndicatorId = value.IndicatorId,
            Period = value.Period,
            Kind = kind,
            Value = value.Value,
            Commentary = value.Commentary,
            ByName = DemonstrationName,
            At = at,
        };

        private Unit? UnitOf(Post? post) =>
            post is null ? null : post.Unit ?? _units.Values.FirstOrDefault(u => u.Posts.Contains(post));

        private int DecimalPlaces(DemoIndicator source, IndicatorUnit unit, string where) => source.DecimalPlaces switch
        {
            null => unit switch { IndicatorUnit.Rate or IndicatorUnit.Ratio => 2, IndicatorUnit.Days => 1, _ => 0 },
            >= 0 and <= IndicatorLimits.MaxDecimalPlaces and var places => places,
            var places => throw new DemoDataException(
                $"{fileName}: {where} has {places} decimal places; 0 to {IndicatorLimits.MaxDecimalPlaces} are allowed."),
        };

        /// <summary>The words are those of the API and imports (<see cref="IndicatorWords"/>), exactly as written.</summary>
        private T Word<T>(string word, string what, string where)
            where T : struct, Enum =>
            IndicatorWords.TryRead<T>(word, out var value) && IndicatorWords.Word(value) == word
                ? value
                : throw new DemoDataException(
                    $"{fileName}: {where} has {what} '{word}', which is not one of: {IndicatorWords.Choices<T>()}.");
    }
}

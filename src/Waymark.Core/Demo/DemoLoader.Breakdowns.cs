using Waymark.Core.Baskets;
using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Demo;

// Stockton's corporate health indicators broken down by its services, with generated figures (docs/demo-data.md).
public sealed partial class DemoLoader
{
    /// <summary>What a demonstration service added for the Health Card says about itself.</summary>
    public const string DemonstrationServiceDescription =
        "Demonstration service: seed 003 names only Policy, Performance and Communications, but says every service contributes to the corporate health objectives, so the Health Card shows the Council's other services as well.";

    /// <summary>A council's corporate health breakdowns: its services (the file's own unit, or added), and the indicators broken down by them.</summary>
    private sealed record DemoHealthCard(string OwnUnit, IReadOnlyList<string> AddedServices, IReadOnlyList<string> Indicators, decimal SicknessLevel);

    private static readonly Dictionary<string, DemoHealthCard> HealthCards = new(StringComparer.Ordinal)
    {
        // Seed 003: "All services are subjected to a number of Organisational Development objectives" — sickness absence
        // (ex-BVPI 12), on-contract spend, invoices paid in 30 days (ex-BVPI 8), appraisals. The other services' names
        // are the Council's service groupings of the time, added for the demonstration.
        ["stockton-on-tees"] = new(
            "ppc",
            ["Children, Education and Social Care", "Development and Neighbourhood Services", "Law and Democracy", "Resources"],
            ["ch-days-lost-sickness", "ch-on-contract-spend-pct", "ch-invoices-paid-30-days", "ch-appraisals-pct"],
            SicknessLevel: 9.5m),
    };

    private sealed partial class Builder
    {
        /// <summary>The services of the council's Health Card with their figures for each corporate health indicator.</summary>
        private void AddBreakdowns()
        {
            if (!HealthCards.TryGetValue(organisation.Slug, out var card))
            {
                return;
            }

            var own = Resolve(_units, card.OwnUnit, "unit", "health card");
            var services = new List<(Unit Unit, Post? Owner)> { (own, own.HeadPost) };
            var order = _units.Count;
            foreach (var name in card.AddedServices)
            {
                var unit = new Unit { OrganisationId = organisation.Id, Name = name, Kind = "Service", Description = DemonstrationServiceDescription, SortOrder = order++ };
                var head = new Post { OrganisationId = organisation.Id, Unit = unit, Title = $"Head of {name}" };
                db.Units.Add(unit);
                db.Posts.Add(head);
                services.Add((unit, head));
            }

            foreach (var key in card.Indicators)
            {
                var indicator = Resolve(_indicators, key, "indicator", "health card");
                var breakdown = new Breakdown { OrganisationId = organisation.Id, Indicator = indicator, Kind = BreakdownKind.Unit };
                for (var n = 0; n < services.Count; n++)
                {
                    var member = new BreakdownMember { OrganisationId = organisation.Id, Unit = services[n].Unit, OwnerPost = services[n].Owner, SortOrder = n };
                    foreach (var figure in Figures(indicator, key, services[n].Unit.Name, card.SicknessLevel))
                    {
                        member.Values.Add(new BreakdownValue
                        {
                            OrganisationId = organisation.Id, Period = figure.Period, Value = figure.Value, Commentary = DemonstrationCommentary,
                            EnteredByName = DemonstrationName, EnteredAt = new DateTimeOffset(figure.Period.End.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                            IsDemonstration = true,
                        });
                    }

                    breakdown.Members.Add(member);
                }

                db.Breakdowns.Add(breakdown);
            }

            // The Health Card itself: a basket of the corporate health indicators, shown across the services.
            var basket = new Basket
            {
                OrganisationId = organisation.Id, Title = "Corporate Health Card", Kind = BasketKind.HealthCard, IsDemonstration = true,
                Description = "Demonstration: every service's contribution to the corporate health objectives (seed 003, PPC 13), with generated figures.",
            };
            for (var n = 0; n < card.Indicators.Count; n++)
            {
                basket.Items.Add(new BasketItem
                {
                    OrganisationId = organisation.Id, Kind = BasketItemKind.Indicator, Indicator = Resolve(_indicators, card.Indicators[n], "indicator", "health card"), SortOrder = n,
                });
            }

            db.Baskets.Add(basket);
        }

        /// <summary>
        /// A service's generated figures, the same periods as the indicator's own generated values. An indicator with text
        /// targets only (the sickness "reduction of at least 0.5 days") is generated around a demonstration level instead.
        /// </summary>
        private List<DemoValue> Figures(Indicator indicator, string key, string service, decimal sicknessLevel)
        {
            var numeric = indicator.Targets.Any(t => t.Value is not null);
            var facts = new DemoValueFacts(
                $"{organisation.Slug}/{key}/{service}", indicator.Unit, indicator.DecimalPlaces, numeric ? indicator.Polarity : Polarity.DataOnly,
                indicator.Frequency, indicator.Aggregation, organisation.YearStartMonth, indicator.Tolerance, numeric ? null : sicknessLevel);
            return DemoValues.Generate(facts, [.. indicator.Targets.Select(t => new DemoValueTarget(t.Period, t.Value))])
                .Where(v => organisation.AsAt is not { } asAt || v.Period.End.AddDays(organisation.ValuesDueDays) < asAt)
                .ToList();
        }
    }
}

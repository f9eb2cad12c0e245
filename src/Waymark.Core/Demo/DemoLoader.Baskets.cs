using Waymark.Core.Baskets;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;

namespace Waymark.Core.Demo;

/// <summary>A demo file of baskets (<c>Demo/Baskets/{slug}.baskets.json</c>).</summary>
public sealed record DemoBasketFile(DemoBasket[]? Baskets);

/// <summary>
/// One demonstration basket: its fields, the indicators it holds (by key, in order), and how they are grouped:
/// <c>"aim"</c> groups each under the council aim its objective serves, the rest under <see cref="OtherGroup"/>.
/// </summary>
public sealed record DemoBasket(
    string Title, string? Kind, string? Description, string? Audience, string? OwnerPost, string? GroupBy, string? OtherGroup,
    string[]? Indicators);

// The demonstration baskets of a council (its corporate scorecard), made after its framework and indicators.
public sealed partial class DemoLoader
{
    /// <summary>The baskets of a council (Demo/Baskets/&lt;slug&gt;.baskets.json), or null when it has none.</summary>
    public static DemoBasketFile? ReadBaskets(string slug) => ReadPart<DemoBasketFile>(slug, "Baskets", "baskets");

    private sealed partial class Builder
    {
        private void AddReportBaskets(DemoBasketFile file)
        {
            var order = 0;
            foreach (var source in file.Baskets ?? [])
            {
                var where = $"basket '{source.Title}'";
                if (source.Kind is null || !BasketWords.Kinds.TryGetValue(source.Kind, out var kind))
                {
                    throw new DemoDataException($"{fileName}: {where} has no kind, or one that is not {string.Join(", ", BasketWords.Kinds.Keys)}.");
                }

                var basket = new Basket
                {
                    OrganisationId = organisation.Id, Title = source.Title, Kind = kind, Description = source.Description,
                    AudienceNote = source.Audience, OwnerPost = source.OwnerPost is null ? null : Resolve(_posts, source.OwnerPost, "post", where),
                    SortOrder = ++order, IsDemonstration = true,
                };
                var indicators = (source.Indicators ?? []).Select(key => Resolve(_indicators, key, "indicator", where)).ToList();
                var byAim = string.Equals(source.GroupBy, "aim", StringComparison.Ordinal);
                var groups = new Dictionary<Objective, BasketGroup>();
                BasketGroup? other = null;
                var itemOrder = 0;
                // Aims in the framework's order, so the groups follow the council's own A, B, C…
                foreach (var (indicator, aim) in indicators.Select(i => (i, byAim ? AimOf(i) : null))
                             .OrderBy(x => x.Item2 is null ? int.MaxValue : _nodeSources.FindIndex(n => n.Node == x.Item2)))
                {
                    BasketGroup? group = null;
                    if (aim is not null && !groups.TryGetValue(aim, out group))
                    {
                        group = groups[aim] = new BasketGroup { OrganisationId = organisation.Id, Basket = basket, Title = aim.Title, SortOrder = groups.Count + 1 };
                    }
                    else if (aim is null && byAim)
                    {
                        group = other ??= new BasketGroup { OrganisationId = organisation.Id, Basket = basket, Title = source.OtherGroup ?? "Other key indicators", SortOrder = int.MaxValue };
                    }

                    basket.Items.Add(new BasketItem
                    {
                        OrganisationId = organisation.Id, Group = group, Kind = BasketItemKind.Indicator, Indicator = indicator, SortOrder = ++itemOrder,
                    });
                }

                if (other is not null)
                {
                    other.SortOrder = groups.Count + 1;
                }

                basket.Groups.AddRange(groups.Values);
                if (other is not null)
                {
                    basket.Groups.Add(other);
                }

                db.Baskets.Add(basket);
            }
        }

        /// <summary>
        /// The council aim an indicator serves: the first aim its first measured objective (or that objective's nearest
        /// parent) contributes to or sits under; null when it measures none.
        /// </summary>
        private Objective? AimOf(Indicator indicator)
        {
            var sources = _nodeSources.ToDictionary(n => n.Node, n => n.Source);
            for (var node = indicator.Objectives.Select(o => o.Objective).FirstOrDefault(); node is not null; node = node.Parent)
            {
                if (IsAim(node))
                {
                    return node;
                }

                var aim = (sources.GetValueOrDefault(node)?.ContributesTo ?? []).Select(k => _nodes.GetValueOrDefault(k)).FirstOrDefault(n => n is not null && IsAim(n));
                if (aim is not null)
                {
                    return aim;
                }
            }

            return null;
        }

        private static bool IsAim(Objective node) => string.Equals(node.Level?.Key, "aim", StringComparison.Ordinal);
    }
}

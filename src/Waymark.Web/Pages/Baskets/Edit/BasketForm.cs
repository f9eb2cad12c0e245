using System.Globalization;
using Waymark.Core.Baskets;
using Waymark.Core.Framework;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>A basket's own fields as its form binds them.</summary>
public sealed class BasketForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Kind { get; set; } = BasketWords.Word(BasketKind.Scorecard);
    public string? AudienceNote { get; set; }
    public int? OwnerPostId { get; set; }

    public BasketInput ToInput() => new(Title, Description, Kind, AudienceNote, OwnerPostId);

    public static BasketForm From(Basket basket)
    {
        ArgumentNullException.ThrowIfNull(basket);
        return new()
        {
            Title = basket.Title, Description = basket.Description, Kind = BasketWords.Word(basket.Kind),
            AudienceNote = basket.AudienceNote, OwnerPostId = basket.OwnerPostId,
        };
    }

    /// <summary>The organisation's posts, as the owner list offers them (grouped by unit).</summary>
    public static async Task<IReadOnlyList<SelectOption>> PostsAsync(FrameworkChoiceQueries framework, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var choices = await framework.ChoicesAsync(ct);
        return [.. choices.Posts.Select(p => new SelectOption(p.Id.ToString(CultureInfo.InvariantCulture),
            p.HolderName is null ? p.Title : $"{p.Title} ({p.HolderName})", p.UnitName))];
    }

    /// <summary>The basket's fields as saved now against the person's input, for a conflict.</summary>
    public IReadOnlyList<ConflictRow> Differences(Basket saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var now = From(saved);
        return new[]
        {
            new ConflictRow("Title", now.Title, Title), new ConflictRow("Description", now.Description, Description),
            new ConflictRow("Kind", now.Kind, Kind), new ConflictRow("Reported to", now.AudienceNote, AudienceNote),
            new ConflictRow("Kept by (post)", now.OwnerPostId?.ToString(CultureInfo.InvariantCulture), OwnerPostId?.ToString(CultureInfo.InvariantCulture)),
        }.Where(r => !string.Equals(r.Saved?.Trim() ?? "", r.Yours?.Trim() ?? "", StringComparison.Ordinal)).ToList();
    }
}

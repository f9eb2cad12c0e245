using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Baskets;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Periods;
using Waymark.Web.Pages.Indicators;

namespace Waymark.Web.Pages.HealthCard;

/// <summary>A Health Card basket as the pages list it.</summary>
public sealed record HealthCardBasket(int Id, string Title, string? Description, bool IsDemonstration);

/// <summary>
/// The Health Card of one basket for a period: services × the basket's indicators (<see cref="HealthCardQueries"/>),
/// shared by the page and its CSV export.
/// </summary>
public sealed record HealthCardView(HealthCardBasket Basket, Core.Breakdowns.HealthCard Card, int YearStartMonth)
{
    public string PeriodText => Card.Period.Format(YearStartMonth);

    public string Format(HealthCardColumn column, decimal? value) => IndicatorDisplay.Number(value, column.Unit, column.DecimalPlaces);

    /// <summary>The organisation's Health Card baskets, in their order.</summary>
    public static async Task<IReadOnlyList<HealthCardBasket>> BasketsAsync(WaymarkDbContext db, CancellationToken ct) =>
        await db.Baskets.AsNoTracking().Where(b => b.Kind == BasketKind.HealthCard).OrderBy(b => b.SortOrder).ThenBy(b => b.Title)
            .Select(b => new HealthCardBasket(b.Id, b.Title, b.Description, b.IsDemonstration)).ToListAsync(ct);

    /// <summary>The card of a Health Card basket (null when there is none with that id) for the period asked (a code), else the latest with figures.</summary>
    public static async Task<HealthCardView?> LoadAsync(WaymarkDbContext db, HealthCardQueries queries, int basketId, string? period, int yearStartMonth, CancellationToken ct)
    {
        var basket = await db.Baskets.AsNoTracking().Where(b => b.Id == basketId && b.Kind == BasketKind.HealthCard)
            .Select(b => new HealthCardBasket(b.Id, b.Title, b.Description, b.IsDemonstration)).SingleOrDefaultAsync(ct);
        if (basket is null)
        {
            return null;
        }

        // The basket's indicators in its order: grouped items by their group's order, then the ungrouped.
        var indicatorIds = await db.BasketItems.AsNoTracking().Where(i => i.BasketId == basketId && i.Kind == BasketItemKind.Indicator && i.IndicatorId != null)
            .OrderBy(i => i.Group == null ? int.MaxValue : i.Group.SortOrder).ThenBy(i => i.SortOrder).Select(i => i.IndicatorId!.Value).ToListAsync(ct);
        Period? asked = Period.TryFromCode(period, out var p) ? p : null;
        var card = await queries.CardAsync(indicatorIds, asked, ct);
        return new HealthCardView(basket, card, yearStartMonth);
    }

    /// <summary>The card as CSV: a row per service, a value and a status column per indicator.</summary>
    public string Csv()
    {
        var csv = new StringBuilder();
        static string Cell(string text) => Core.Spreadsheets.CsvFormat.TextField(text);
        csv.AppendJoin(',', new[] { Cell("Service") }.Concat(Card.Columns.SelectMany(c => new[] { Cell(c.Label), Cell(c.Label + " status") }))).Append("\r\n");
        foreach (var row in Card.Rows)
        {
            csv.AppendJoin(',', new[] { Cell(row.Name) }.Concat(row.Cells.Zip(Card.Columns).SelectMany(x => new[]
            {
                Cell(x.First.Value is { } v ? v.ToString("0.##########", CultureInfo.InvariantCulture) : ""), Cell(x.First.StatusText),
            }))).Append("\r\n");
        }

        return csv.ToString();
    }
}

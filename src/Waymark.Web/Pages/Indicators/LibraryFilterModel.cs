using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators;

/// <summary>One indicator of the library as listed: its figure, target, status and direction in the chosen period.</summary>
public sealed record LibraryRow(
    IndicatorSeries Series, string? Owner, decimal? Figure, Target? Target, IndicatorStatus? Status, Direction? Direction, bool IsDemonstration)
{
    public Indicator Indicator => Series.Indicator;

    public string FigureText => IndicatorDisplay.Number(Figure, Indicator.Unit, Indicator.DecimalPlaces);

    public string TargetText => IndicatorDisplay.TargetText(Target, Indicator.Unit, Indicator.DecimalPlaces);

    public string StatusText => Status is { } s ? IndicatorText.StatusText(s) : "";
}

/// <summary>
/// The library's filters, shared by the page and its download: bound from the query string (a GET form that works
/// without JavaScript), applied to every indicator's series, sorted.
/// </summary>
public abstract class LibraryFilterModel(OrganisationScope scope, IndicatorQueries queries) : OrganisationPageModel(scope)
{
    /// <summary>"post:12" or "person:5": the data owner or lead officer.</summary>
    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? Owner { get; set; }

    /// <summary>A service or team (with the units beneath it).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? UnitFilter { get; set; }

    /// <summary>The unit of measure ("percentage").</summary>
    [BindProperty(SupportsGet = true, Name = "measure")]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "frequency")]
    public string? FrequencyFilter { get; set; }

    /// <summary>A period code ("Y2011-04", "Q2011-04").</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>code, title, owner, status or value.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>asc or desc.</summary>
    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Dir { get; set; }

    protected IndicatorQueries Queries { get; } = queries;

    /// <summary>The period the figures and statuses are for (null when no indicator has a year yet).</summary>
    public Period? Period { get; private set; }

    public string PeriodLabel => Period is { } p ? p.Format(YearStartMonth) : "";

    /// <summary>Years the indicators have, newest first, each followed by its quarters.</summary>
    public IReadOnlyList<Period> PeriodChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> OwnerChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> UnitChoices { get; private set; } = [];

    /// <summary>Every indicator the filters list, sorted (the downloads hold them all).</summary>
    public IReadOnlyList<LibraryRow> Rows { get; private set; } = [];

    /// <summary>How many rows a page of the library shows: a county's thousands of indicators are not one page.</summary>
    public const int PageSize = 100;

    /// <summary>The page shown (1 when the query asks for one beyond the last).</summary>
    public int CurrentPage { get; private set; } = 1;

    public int PageCount => PageLinks.Count(Rows.Count, PageSize);

    /// <summary>The number of the first row shown (1-based).</summary>
    public int FirstShown => ((CurrentPage - 1) * PageSize) + 1;

    /// <summary>The rows of the page shown.</summary>
    public IReadOnlyList<LibraryRow> PageRows { get; private set; } = [];

    /// <summary>Every indicator before filtering (for "12 of 40 indicators").</summary>
    public int TotalCount { get; private set; }

    public string SortKey => Sort is "code" or "title" or "owner" or "status" or "value" ? Sort : "";

    public bool Descending => Dir == "desc";

    protected async Task LoadAsync(CancellationToken ct)
    {
        var library = await Queries.LibraryAsync(Core.Periods.Period.TryFromCode(PeriodCode, out var chosen) ? chosen : null, ct);
        var all = library.Series;
        TotalCount = all.Count;
        PeriodChoices = library.Years.SelectMany(y => new[] { y }.Concat(Core.Periods.Period.QuartersOf(y, YearStartMonth))).ToList();
        Period = library.Period;

        OwnerChoices = all.SelectMany(s => Owners(s.Indicator)).DistinctBy(o => o.Value).OrderBy(o => o.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
        UnitChoices = all.Where(s => s.Indicator.OwningUnit is not null).Select(s => s.Indicator.OwningUnit!)
            .DistinctBy(u => u.Id).OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => (u.Id.ToString(CultureInfo.InvariantCulture), u.Name)).ToList();

        IEnumerable<IndicatorSeries> chosenSeries = all;
        if (!string.IsNullOrWhiteSpace(Owner))
        {
            chosenSeries = chosenSeries.Where(s => Owners(s.Indicator).Any(o => o.Value == Owner));
        }

        if (int.TryParse(UnitFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            chosenSeries = chosenSeries.Where(s => s.Indicator.UnitId == unitId);
        }

        if (IndicatorWords.TryRead<IndicatorUnit>(Measure, out var measure))
        {
            chosenSeries = chosenSeries.Where(s => s.Indicator.Unit == measure);
        }

        if (IndicatorWords.TryRead<IndicatorTags>(Tag, out var tag))
        {
            chosenSeries = chosenSeries.Where(s => s.Indicator.Tags.HasFlag(tag));
        }

        if (IndicatorWords.TryRead<Frequency>(FrequencyFilter, out var frequency))
        {
            chosenSeries = chosenSeries.Where(s => s.Indicator.Frequency == frequency);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var q = Search.Trim();
            chosenSeries = chosenSeries.Where(s => Contains(s.Indicator.Code, q) || Contains(s.Indicator.Title, q) || Contains(s.Indicator.Definition, q));
        }

        var rows = chosenSeries.Select(RowOf).ToList();
        if (IndicatorWords.TryRead<IndicatorStatus>(StatusFilter, out var status))
        {
            rows = rows.Where(r => r.Status == status).ToList();
        }

        Rows = Sorted(rows);
        CurrentPage = Math.Min(PageLinks.Asked(Request), PageCount);
        PageRows = Rows.Skip(FirstShown - 1).Take(PageSize).ToList();
    }

    private LibraryRow RowOf(IndicatorSeries series)
    {
        var i = series.Indicator;
        var owner = IndicatorQueries.OwnerText(i.DataOwnerPost, i.DataOwnerPerson) ?? IndicatorQueries.OwnerText(i.LeadPost, i.LeadPerson);
        if (Period is not { } period)
        {
            return new LibraryRow(series, owner, null, null, null, null, false);
        }

        var (figure, target, status, direction) = series.In(period);
        var demo = series.Periods.Any(p => period.Contains(p.Period) && p.Value?.IsDemonstration == true);
        return new LibraryRow(series, owner, figure, target, status, direction, demo);
    }

    private List<LibraryRow> Sorted(List<LibraryRow> rows)
    {
        IOrderedEnumerable<LibraryRow> ordered = SortKey switch
        {
            "code" => Order(rows, r => r.Indicator.Code ?? "", StringComparer.CurrentCultureIgnoreCase),
            "title" => Order(rows, r => r.Indicator.Title, StringComparer.CurrentCultureIgnoreCase),
            "owner" => Order(rows, r => r.Owner ?? "", StringComparer.CurrentCultureIgnoreCase),
            "status" => Order(rows, r => StatusRank(r.Status), Comparer<int>.Default),
            "value" => Order(rows, r => r.Figure ?? decimal.MinValue, Comparer<decimal>.Default),
            // A search with no sort chosen puts the best match first: "NI 4" finds NI 4 before NI 40 and titles.
            _ when !string.IsNullOrWhiteSpace(Search) => rows.OrderBy(r => SearchRank(r.Indicator, Search.Trim())),
            _ => rows.OrderBy(r => r.Indicator.SortOrder),
        };
        return ordered.ThenBy(r => r.Indicator.SortOrder).ThenBy(r => r.Indicator.Id).ToList();
    }

    private IOrderedEnumerable<LibraryRow> Order<TKey>(List<LibraryRow> rows, Func<LibraryRow, TKey> key, IComparer<TKey> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    /// <summary>Worst first: off target, slightly off, on target, then those with nothing to judge.</summary>
    private static int StatusRank(IndicatorStatus? status) => status switch
    {
        IndicatorStatus.Red => 0,
        IndicatorStatus.Amber => 1,
        IndicatorStatus.Green => 2,
        IndicatorStatus.Missing => 3,
        IndicatorStatus.NotDue => 4,
        IndicatorStatus.NoTarget => 5,
        _ => 6,
    };

    /// <summary>How well an indicator matches a search: its exact code (spaces and case aside), then a code starting with it, then any other match.</summary>
    public static int SearchRank(Indicator indicator, string q)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        static string Squeeze(string? text) => new((text ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
        var (code, wanted) = (Squeeze(indicator.Code), Squeeze(q));
        return code.Length > 0 && code == wanted ? 0
            : code.Length > 0 && code.StartsWith(wanted, StringComparison.Ordinal) ? 1
            : Contains(indicator.Code, q) ? 2
            : Contains(indicator.Title, q) ? 3
            : 4;
    }

    private static bool Contains(string? text, string q) => text?.Contains(q, StringComparison.CurrentCultureIgnoreCase) == true;

    private static IEnumerable<(string Value, string Text)> Owners(Indicator i)
    {
        if (i.DataOwnerPost is { } dp)
        {
            yield return ("post:" + dp.Id.ToString(CultureInfo.InvariantCulture), dp.Title);
        }

        if (i.DataOwnerPerson is { } dq)
        {
            yield return ("person:" + dq.Id.ToString(CultureInfo.InvariantCulture), dq.Name);
        }

        if (i.LeadPost is { } lp)
        {
            yield return ("post:" + lp.Id.ToString(CultureInfo.InvariantCulture), lp.Title);
        }

        if (i.LeadPerson is { } lq)
        {
            yield return ("person:" + lq.Id.ToString(CultureInfo.InvariantCulture), lq.Name);
        }
    }

    /// <summary>The current filters as query-string values (empty ones left out).</summary>
    public Dictionary<string, string?> FilterValues(bool withSort = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["owner"] = Owner, ["unit"] = UnitFilter, ["measure"] = Measure, ["tag"] = Tag, ["frequency"] = FrequencyFilter,
            ["period"] = Period?.Code, ["status"] = StatusFilter, ["q"] = Search,
        };
        if (withSort)
        {
            values["sort"] = SortKey;
            values["dir"] = SortKey.Length > 0 && Descending ? "desc" : null;
        }

        return values.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>The library with the current filters (and sort), at a page of it when given.</summary>
    public string Link(string path, int? page = null)
    {
        var values = FilterValues();
        if (page > 1)
        {
            values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>The download of the list as it stands: "csv" or "xlsx".</summary>
    public string ExportLink(string path, string format)
    {
        var values = FilterValues();
        values["format"] = format;
        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>The link a column header sorts by: ascending first, then the other way.</summary>
    public string SortLink(string path, string key)
    {
        var values = FilterValues(withSort: false);
        values["sort"] = key;
        if (SortKey == key && !Descending)
        {
            values["dir"] = "desc";
        }

        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>The aria-sort of a column header: "ascending", "descending" or "none".</summary>
    public string AriaSort(string key) => SortKey != key ? "none" : Descending ? "descending" : "ascending";

    /// <summary>How many of the listed indicators have each status, in words, worst first.</summary>
    public IReadOnlyList<(IndicatorStatus Status, int Count)> StatusCounts() =>
        Rows.Where(r => r.Status is not null).GroupBy(r => r.Status!.Value).OrderBy(g => StatusRank(g.Key))
            .Select(g => (g.Key, g.Count())).ToList();

    public decimal? PercentOnTarget => IndicatorRules.PercentOnTarget(Rows.Where(r => r.Status is not null).Select(r => r.Status!.Value));
}

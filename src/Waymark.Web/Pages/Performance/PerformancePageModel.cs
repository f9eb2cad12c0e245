using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Performance;

/// <summary>
/// The exceptions page and its CSV download: the period chosen (a quarter or year code; by default the latest quarter
/// that has ended) and the unit, from the query string.
/// </summary>
public abstract class PerformancePageModel(OrganisationScope scope, PerformanceQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitId { get; set; }

    protected PerformanceQueries Queries => queries;

    /// <summary>The period shown: the one asked for when it is one of the choices, else the default.</summary>
    public Period Period { get; private set; }

    public IReadOnlyList<Period> Choices { get; private set; } = [];

    protected void ReadPeriod()
    {
        Choices = PerformanceQueries.Choices(Organisation, Today);
        Period = Period.TryFromCode(PeriodCode, out var asked) && Choices.Contains(asked)
            ? asked
            : PerformanceQueries.DefaultPeriod(Organisation, Today);
    }

    /// <summary>The query string for this period and unit.</summary>
    public string Query => "?period=" + Period.Code + (UnitId is { } u ? "&unit=" + u.ToString(CultureInfo.InvariantCulture) : "");
}

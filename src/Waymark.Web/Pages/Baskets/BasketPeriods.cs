using Waymark.Core.Organisations;
using Waymark.Core.Performance;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Baskets;

/// <summary>The period a basket page, its export or the API is asked for: one of the offered choices, or none (the default).</summary>
public static class BasketPeriods
{
    /// <summary>The period asked for when it is one of the choices; null when none was asked, or when it was refused.</summary>
    public static (Period? Period, bool Refused) Read(string? code, Organisation organisation, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, false);
        }

        return Period.TryFromCode(code.Trim(), out var asked) && PerformanceQueries.Choices(organisation, today).Contains(asked)
            ? (asked, false)
            : (null, true);
    }
}

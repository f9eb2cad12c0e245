using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

public sealed partial class IndicatorValueEditor
{
    /// <summary>
    /// The period a value is for, as typed ("Q4 2011/12", "2011/12", "May 2011") or as a code ("Q2011-01"): it must be a
    /// period of the indicator's frequency, of the organisation's year, within its collection years, and started.
    /// </summary>
    public static Period? ReadPeriod(Indicator indicator, string? text, int yearStartMonth, DateOnly today, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(errors);
        var example = indicator.Frequency switch
        {
            Frequency.Annual => "a year such as 2011/12",
            Frequency.Quarterly => "a quarter such as Q1 2011/12",
            _ => "a month such as May 2011",
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[IndicatorFields.Period] = $"Enter the period the value is for: {example}";
            return null;
        }

        Period period;
        if (Period.TryFromCode(text.Trim(), out var coded))
        {
            period = coded;
        }
        else
        {
            var parsed = PeriodText.Parse(text, yearStartMonth);
            if (parsed.Kind != PeriodTextKind.Period || parsed.Period is not { } p)
            {
                errors[IndicatorFields.Period] = $"Enter the period as {example}";
                return null;
            }

            period = p;
        }

        var wantedKind = indicator.Frequency switch
        {
            Frequency.Annual => PeriodKind.Year,
            Frequency.Quarterly => PeriodKind.Quarter,
            _ => PeriodKind.Month,
        };
        var year = period.FinancialYearOf(yearStartMonth);
        if (period.Kind != wantedKind || !IndicatorSeries.PeriodsOf(year, indicator.Frequency, yearStartMonth).Contains(period))
        {
            errors[IndicatorFields.Period] = $"This indicator is collected {indicator.Frequency.Text().ToLowerInvariant()}: enter {example}";
            return null;
        }

        if ((indicator.CollectFrom is { } from && year < from) || (indicator.CollectUntil is { } until && year > until))
        {
            var span = (indicator.CollectFrom, indicator.CollectUntil) switch
            {
                ({ } f, { } u) => $"from {f.Format(yearStartMonth)} to {u.Format(yearStartMonth)}",
                ({ } f, null) => $"from {f.Format(yearStartMonth)}",
                (null, { } u) => $"up to {u.Format(yearStartMonth)}",
                _ => "",
            };
            errors[IndicatorFields.Period] = $"{period.Format(yearStartMonth)} is outside the years this indicator is collected for ({span})";
            return null;
        }

        if (period.Start > today)
        {
            errors[IndicatorFields.Period] = $"{period.Format(yearStartMonth)} has not started yet: a value can be entered once its period has begun";
            return null;
        }

        return period;
    }
}

using System.Globalization;
using Waymark.Core.Indicators;

namespace Waymark.Web.Pages.Indicators;

/// <summary>A point of the chart: a period's value, with its status (the marker's shape and colour) in words.</summary>
public sealed record ChartPoint(double X, double Y, string Label, string ValueText, IndicatorStatus Status, string StatusText);

/// <summary>A stretch of target (and its amber band) over one period.</summary>
public sealed record ChartTarget(double X1, double X2, double Y, double BandTop, double BandBottom);

public sealed record ChartTick(double Position, string Text);

/// <summary>
/// Values against target with the amber tolerance band, laid out for an inline SVG drawn on the server (no script).
/// An enhancement only: the table on the page holds the same figures. Coordinates are in the SVG's own units.
/// </summary>
public sealed class IndicatorChart
{
    public const double Width = 720;
    public const double Height = 320;
    public const double Left = 70;
    public const double Right = 16;
    public const double Top = 16;
    public const double Bottom = 80;

    public double PlotBottom => Height - Bottom;

    public double PlotRight => Width - Right;

    public IReadOnlyList<ChartPoint> Points { get; private init; } = [];

    public IReadOnlyList<ChartTarget> Targets { get; private init; } = [];

    public IReadOnlyList<ChartTick> YTicks { get; private init; } = [];

    public IReadOnlyList<ChartTick> XTicks { get; private init; } = [];

    /// <summary>The SVG path of the line through the values ("M x y L x y …"); empty with fewer than two.</summary>
    public string ValueLine => Points.Count < 2 ? "" : "M " + string.Join(" L ", Points.Select(p => $"{F(p.X)} {F(p.Y)}"));

    /// <summary>What the chart shows, in words, for its accessible description.</summary>
    public string Description { get; private init; } = "";

    /// <summary>Null when there is nothing to draw (no values and no numeric targets).</summary>
    public static IndicatorChart? Build(IndicatorSeries series, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(series);
        var indicator = series.Indicator;
        var rows = series.Periods;
        if (rows.Count == 0 || !rows.Any(r => r.Value?.Value is not null || r.Target?.Value is not null))
        {
            return null;
        }

        var numbers = new List<decimal>();
        foreach (var r in rows)
        {
            if (r.Value?.Value is { } v)
            {
                numbers.Add(v);
            }

            if (r.Target?.Value is { } t)
            {
                var (top, bottom) = Band(t, r.Definition.Tolerance, r.Definition.Polarity);
                numbers.AddRange([t, top, bottom]);
            }
        }

        var (min, max, tick) = Axis(numbers.Min(), numbers.Max());
        var plotHeight = Height - Top - Bottom;
        var plotWidth = Width - Left - Right;
        var step = plotWidth / rows.Count;
        double X(int index) => Left + (step * index) + (step / 2);
        double Y(decimal value) => Top + (plotHeight * (double)((max - value) / (max - min)));

        var points = new List<ChartPoint>();
        var targets = new List<ChartTarget>();
        var xTicks = new List<ChartTick>();
        var labelEvery = Math.Max(1, (int)Math.Ceiling(rows.Count / 12.0));
        for (var n = 0; n < rows.Count; n++)
        {
            var r = rows[n];
            var label = r.Period.Format(yearStartMonth);
            if (n % labelEvery == 0)
            {
                xTicks.Add(new ChartTick(X(n), label));
            }

            if (r.Target?.Value is { } t)
            {
                var (top, bottom) = Band(t, r.Definition.Tolerance, r.Definition.Polarity);
                targets.Add(new ChartTarget(Left + (step * n), Left + (step * (n + 1)), Y(t), Y(top), Y(bottom)));
            }

            if (r.Value?.Value is { } v)
            {
                points.Add(new ChartPoint(X(n), Y(v), label, IndicatorNumbers.Format(v, r.Definition.Unit, r.Definition.DecimalPlaces), r.Status, IndicatorText.StatusText(r.Status)));
            }
        }

        var tickPlaces = Math.Max(0, -(int)Math.Floor(Math.Log10((double)tick)));
        var yTicks = Enumerable.Range(0, (int)Math.Round((max - min) / tick) + 1).Select(k => min + (tick * k))
            .Select(v => new ChartTick(Y(v), IndicatorNumbers.Format(v, indicator.Unit, tickPlaces))).ToList();
        var first = rows[0].Period.Format(yearStartMonth);
        var last = rows[^1].Period.Format(yearStartMonth);
        return new IndicatorChart
        {
            Points = points, Targets = targets, XTicks = xTicks, YTicks = yTicks,
            Description = $"{Display.Count(points.Count, "value", "values")} from {first} to {last}, each marked with its status, against the target (a line) "
                + "and the amber tolerance band around it. The table of targets and values below gives the same figures.",
        };
    }

    /// <summary>
    /// The value axis: from the data's lowest to its highest, widened to round steps of 1, 2, 2.5 or 5 × 10ⁿ (four to
    /// eight of them). It starts at 0 only when the data comes near it (within one span), so that 85–97% is not drawn
    /// as a flat line at the top. The steps divide 100, so a percentage axis never runs past 100% for data within it.
    /// </summary>
    public static (decimal Min, decimal Max, decimal Tick) Axis(decimal low, decimal high)
    {
        if (low >= 0 && low <= high - low)
        {
            low = 0;
        }

        var span = high - low;
        if (span == 0)
        {
            span = Math.Max(1m, Math.Abs(high) / 10);
            (low, high) = (high - (span / 2), high + (span / 2));
        }

        var rough = (double)span / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var tick = (decimal)(new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(step => step >= rough));
        var min = Math.Floor(low / tick) * tick;
        var max = Math.Ceiling(high / tick) * tick;
        if (max == min)
        {
            max = min + tick;
        }

        return (min, max, tick);
    }

    /// <summary>The amber band: between the target and the target less (or plus) the tolerance.</summary>
    private static (decimal Top, decimal Bottom) Band(decimal target, Tolerance tolerance, Polarity polarity)
    {
        var t = tolerance.For(target);
        return polarity switch
        {
            Polarity.HigherIsBetter => (target, target - t),
            Polarity.LowerIsBetter => (target + t, target),
            _ => (target, target),
        };
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The marker class: its colour comes from the stylesheet; its shape says the status too.</summary>
    public static string MarkerClass(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => "wm-chart__marker wm-chart__marker--green",
        IndicatorStatus.Amber => "wm-chart__marker wm-chart__marker--amber",
        IndicatorStatus.Red => "wm-chart__marker wm-chart__marker--red",
        _ => "wm-chart__marker wm-chart__marker--grey",
    };

    /// <summary>A marker's outline: a circle for on target, a triangle for slightly off, a square for off, a diamond otherwise.</summary>
    public static string MarkerPath(IndicatorStatus status, double x, double y) => status switch
    {
        IndicatorStatus.Green => $"M {F(x - 6)} {F(y)} A 6 6 0 1 0 {F(x + 6)} {F(y)} A 6 6 0 1 0 {F(x - 6)} {F(y)} Z",
        IndicatorStatus.Amber => $"M {F(x)} {F(y - 7)} L {F(x + 7)} {F(y + 5)} L {F(x - 7)} {F(y + 5)} Z",
        IndicatorStatus.Red => $"M {F(x - 5.5)} {F(y - 5.5)} L {F(x + 5.5)} {F(y - 5.5)} L {F(x + 5.5)} {F(y + 5.5)} L {F(x - 5.5)} {F(y + 5.5)} Z",
        _ => $"M {F(x)} {F(y - 7)} L {F(x + 7)} {F(y)} L {F(x)} {F(y + 7)} L {F(x - 7)} {F(y)} Z",
    };
}

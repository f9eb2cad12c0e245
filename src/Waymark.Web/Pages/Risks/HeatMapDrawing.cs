using System.Globalization;
using System.Text;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>A cell of the drawn heat map: where it sits, what it says and where it links.</summary>
public sealed record HeatMapBox(HeatMapCell Cell, int X, int Y, string Label, string Movement, string Link);

/// <summary>
/// The heat map as a server-drawn SVG (no script): likelihood up the side (highest at the top), impact along the
/// bottom, a box per cell with its count and band name, linking to the register filtered to the cell, and the appetite
/// drawn as a dashed line between the cells within it and those above it.
/// </summary>
public sealed class HeatMapDrawing
{
    public const int Cell = 96;
    public const int Left = 150;
    public const int Bottom = 70;

    public HeatMapDrawing(HeatMap map, Func<HeatMapCell, string> link)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(link);
        Map = map;
        Width = Left + (map.Matrix.ImpactLevels * Cell) + 10;
        Height = (map.Matrix.LikelihoodLevels * Cell) + Bottom;
        Boxes = map.Cells.Select(c => new HeatMapBox(c, X(c.Impact), Y(c.Likelihood), Describe(c), Moved(c), link(c))).ToList();
        AppetitePath = Appetite();
    }

    public HeatMap Map { get; }
    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<HeatMapBox> Boxes { get; }

    /// <summary>The dashed appetite line's path, or null when no appetite applies to the view.</summary>
    public string? AppetitePath { get; }

    public int X(int impact) => Left + ((impact - 1) * Cell);

    public int Y(int likelihood) => (Map.Matrix.LikelihoodLevels - likelihood) * Cell;

    public string LevelName(RiskScale scale, int level) => RiskDisplay.LevelName(Map.Matrix, scale, level);

    /// <summary>"2 Very high: 2 risks with likelihood 4 Likely and impact 5 Critical, score 20, 1 moved up since last quarter".</summary>
    /// <remarks>It starts with what the cell shows (its count and band), so that the link's name contains its visible text.</remarks>
    public string Describe(HeatMapCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{cell.Count} {RiskDisplay.BandName(cell.Band)}{Arrows(cell)}: {cell.Count} {(cell.Count == 1 ? "risk" : "risks")} with likelihood {cell.Likelihood} {LevelName(RiskScale.Likelihood, cell.Likelihood)} and impact {cell.Impact} {LevelName(RiskScale.Impact, cell.Impact)}, score {cell.Score}");
        var moved = Moved(cell);
        return (moved.Length > 0 ? $"{text}, {moved}" : text) + (cell.AboveAppetite ? ", above appetite" : "");
    }

    /// <summary>" ▲1 ▼2": the arrows the cell shows, so that the link's name contains all its visible text.</summary>
    public static string Arrows(HeatMapCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(cell.MovedUp > 0 ? $" ▲{cell.MovedUp}" : "")}{(cell.MovedDown > 0 ? $" ▼{cell.MovedDown}" : "")}");
    }

    /// <summary>"1 moved up, 2 moved down" since last quarter; empty when none moved into the cell.</summary>
    public static string Moved(HeatMapCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var parts = new List<string>();
        if (cell.MovedUp > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{cell.MovedUp} moved up"));
        }

        if (cell.MovedDown > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{cell.MovedDown} moved down"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The edges between a cell above appetite and a neighbour within it.</summary>
    private string? Appetite()
    {
        if (Map.Appetite is null)
        {
            return null;
        }

        var above = Map.Cells.Where(c => c.AboveAppetite).Select(c => (c.Likelihood, c.Impact)).ToHashSet();
        var path = new StringBuilder();
        void Line(int x1, int y1, int x2, int y2) => path.Append(CultureInfo.InvariantCulture, $"M{x1} {y1}L{x2} {y2}");
        foreach (var (l, i) in above)
        {
            var (x, y) = (X(i), Y(l));
            if (i > 1 && !above.Contains((l, i - 1)))
            {
                Line(x, y, x, y + Cell);
            }

            if (l > 1 && !above.Contains((l - 1, i)))
            {
                Line(x, y + Cell, x + Cell, y + Cell);
            }
        }

        return path.Length == 0 ? null : path.ToString();
    }
}

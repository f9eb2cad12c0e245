using System.Globalization;
using Waymark.Core.Framework;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>What the unit, post, person and portfolio forms offer to choose from, as select options.</summary>
public sealed class StructureChoices(FrameworkChoices choices)
{
    public FrameworkChoices All { get; } = choices;

    public static async Task<StructureChoices> LoadAsync(FrameworkChoiceQueries queries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return new(await queries.ChoicesAsync(ct));
    }

    /// <summary>An id as a form value.</summary>
    public static string? Id(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<SelectOption> UnitOptions(int? except = null) =>
        All.Units.Where(u => u.Id != except).Select(u => new SelectOption(Id(u.Id)!, u.Path)).ToList();

    public IReadOnlyList<SelectOption> PersonOptions(PersonKind? only = null) =>
        All.People.Where(p => only is null || p.Kind == only)
            .Select(p => new SelectOption(Id(p.Id)!, p.Name, only is null ? (p.Kind == PersonKind.Councillor ? "Councillors" : "Officers") : null)).ToList();

    /// <summary>The head post of a unit is one of its own posts.</summary>
    public IReadOnlyList<SelectOption> HeadPostOptions(int? unitId) => All.Posts.Where(p => p.UnitId == unitId)
        .Select(p => new SelectOption(Id(p.Id)!, $"{p.Title} ({p.HolderName ?? "vacant"})")).ToList();

    public string? UnitPath(int? unitId) => All.Units.FirstOrDefault(u => u.Id == unitId)?.Path;

    public string? PostTitle(int? postId) => All.Posts.FirstOrDefault(p => p.Id == postId)?.Title;

    public string? PersonName(int? personId) => All.People.FirstOrDefault(p => p.Id == personId)?.Name;
}

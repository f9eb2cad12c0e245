using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Breakdown;

/// <summary>A unit or a place as the set-up form shows it: included or not, and the post that owns its figures.</summary>
public sealed class MemberChoice
{
    public int Id { get; set; }
    public bool Include { get; set; }
    public int? OwnerPostId { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Sets up an indicator's breakdown: by unit or by place, which ones, and who owns each one's figures.</summary>
public class SetupModel(OrganisationScope scope, BreakdownEditor editor, BreakdownQueries queries, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Indicator Indicator { get; private set; } = null!;

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public List<MemberChoice> Units { get; set; } = [];

    [BindProperty]
    public List<MemberChoice> Places { get; set; } = [];

    /// <summary>Whether the indicator has a breakdown saved (the form then carries its version).</summary>
    public bool Exists { get; private set; }

    public IReadOnlyList<SelectOption> Posts { get; private set; } = [];

    public string MethodSentence => BreakdownWords.MethodSentence(BreakdownRules.MethodFor(Indicator.Aggregation, Indicator.Unit));

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (open.Record is { } indicator)
        {
            Indicator = indicator;
            await FillAsync(id, fromSaved: true, ct);
        }

        return await AnswerAsync(open, () => Page());
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var kind = BreakdownWords.TryReadKind(Kind, out var k) ? k : (BreakdownKind?)null;
        var chosen = kind == BreakdownKind.Place
            ? Places.Where(p => p.Include).Select(p => new BreakdownMemberInput(null, p.Id, p.OwnerPostId))
            : Units.Where(u => u.Include).Select(u => new BreakdownMemberInput(u.Id, null, u.OwnerPostId));
        var result = await editor.SaveAsync(await LoadActorAsync(ct), id, Version == Guid.Empty ? null : Version, new BreakdownInput(Kind, chosen.ToList()), ct);
        return await AnswerAsync(result, _ =>
        {
            Notification = "The breakdown has been saved";
            return Redirect($"{OrgPath}/indicators/{id}#breakdown");
        }, () => FillAsync(id, fromSaved: false, ct), current => [new ConflictRow("Parts", string.Join(", ", current.Members.OrderBy(m => m.SortOrder).Select(m => m.Name)), null)]);
    }

    /// <summary>A problem with one chosen part is shown against the list (its index is of the parts chosen, not the rows).</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors.TryAdd(field.StartsWith("members[", StringComparison.Ordinal) ? BreakdownFields.Members : field, message);
        }
    }

    /// <summary>Every unit and place of the organisation, ticked and owned as saved (or as posted, when shown again).</summary>
    private async Task FillAsync(int id, bool fromSaved, CancellationToken ct)
    {
        Indicator ??= await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        var saved = await queries.ForIndicatorAsync(id, ct);
        Exists = saved is not null;
        if (fromSaved)
        {
            Version = saved?.Version ?? Guid.Empty;
            Kind = saved is null ? null : BreakdownWords.Kind(saved.Kind);
        }

        var posted = (Units: Units.ToDictionary(u => u.Id), Places: Places.ToDictionary(p => p.Id));
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var places = await queries.PlacesAsync(ct);
        MemberChoice Choice(int memberId, string name, BreakdownMember? member, MemberChoice? input) => fromSaved || input is null
            ? new MemberChoice { Id = memberId, Name = name, Include = member is not null, OwnerPostId = member?.OwnerPostId }
            : new MemberChoice { Id = memberId, Name = name, Include = input.Include, OwnerPostId = input.OwnerPostId };
        Units = units.Select(u => Choice(u.Id, u.Name, saved?.Members.FirstOrDefault(m => m.UnitId == u.Id), posted.Units.GetValueOrDefault(u.Id))).ToList();
        Places = places.Select(p => Choice(p.Id, p.Name, saved?.Members.FirstOrDefault(m => m.PlaceId == p.Id), posted.Places.GetValueOrDefault(p.Id))).ToList();
        Posts = await db.Posts.AsNoTracking().OrderBy(p => p.Unit!.Name).ThenBy(p => p.Title)
            .Select(p => new SelectOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Title, p.Unit!.Name)).ToListAsync(ct);
    }
}

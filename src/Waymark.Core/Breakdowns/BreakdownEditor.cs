using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;

namespace Waymark.Core.Breakdowns;

/// <summary>
/// Sets up an indicator's breakdown: by unit or by place, which members, who owns each member's figures. Whoever may
/// change the indicator may change its breakdown. A member with figures is not dropped silently: its figures would go
/// with it, so it is refused with where they are.
/// </summary>
public sealed class BreakdownEditor(WaymarkDbContext db)
{
    /// <summary>The check before the set-up form: the indicator, if the actor may change it.</summary>
    public async Task<EditResult<Indicator>> OpenAsync(Actor? actor, int indicatorId, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return EditResult<Indicator>.NotFound();
        }

        return Permissions.CanManageIndicator(actor, indicator.UnitId) ? EditResult<Indicator>.Done(indicator) : EditResult<Indicator>.Forbidden(WhyNot(actor));
    }

    /// <summary>
    /// Saves the set-up: <paramref name="version"/> is the breakdown's as read (none for a first set-up). Members keep
    /// their figures when they stay; the order given is the order shown. No members removes the breakdown.
    /// </summary>
    public async Task<EditResult<Breakdown>> SaveAsync(Actor? actor, int indicatorId, Guid? version, BreakdownInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return EditResult<Breakdown>.NotFound();
        }

        if (!Permissions.CanManageIndicator(actor, indicator.UnitId))
        {
            return EditResult<Breakdown>.Forbidden(WhyNot(actor));
        }

        if (indicator.Calculation != CalculationKind.None)
        {
            return EditResult<Breakdown>.Refused("This indicator is calculated from other indicators, so it has no figures of its own to break down.");
        }

        var breakdown = await db.Breakdowns.Include(b => b.Members).ThenInclude(m => m.Unit)
            .Include(b => b.Members).ThenInclude(m => m.Place).SingleOrDefaultAsync(b => b.IndicatorId == indicatorId, ct);
        if (breakdown is not null && version is null)
        {
            return await ConflictAsync(indicatorId, ct);
        }

        var errors = new Dictionary<string, string>();
        var kind = BreakdownKind.Unit;
        if (input.Members.Count > 0 && !BreakdownWords.TryReadKind(input.Kind, out kind))
        {
            errors[BreakdownFields.Kind] = "Choose whether the indicator is broken down by unit or by place";
        }

        var members = errors.Count > 0 ? [] : await ReadMembersAsync(kind, input.Members, errors, ct);
        if (errors.Count > 0)
        {
            return EditResult<Breakdown>.Invalid(errors);
        }

        // A member that goes would take its figures with it: say which, rather than lose them.
        var kept = breakdown?.Members.Where(m => breakdown.Kind == kind && members.Any(n => n.UnitId == m.UnitId && n.PlaceId == m.PlaceId)).Select(m => m.Id).ToHashSet() ?? [];
        var dropped = breakdown?.Members.Where(m => !kept.Contains(m.Id)).ToList() ?? [];
        var droppedIds = dropped.Select(m => m.Id).ToList();
        var withFigures = await db.BreakdownValues.Where(v => droppedIds.Contains(v.MemberId)).Select(v => v.MemberId).Distinct().ToListAsync(ct);
        if (withFigures.Count > 0)
        {
            var names = dropped.Where(m => withFigures.Contains(m.Id)).Select(m => m.Unit?.Name ?? m.Place?.Name).ToList();
            return EditResult<Breakdown>.Invalid(BreakdownFields.Members,
                $"{string.Join(", ", names)} {(names.Count == 1 ? "has" : "have")} figures: clear them on the figures page before taking {(names.Count == 1 ? "it" : "them")} out of the breakdown");
        }

        if (breakdown is null)
        {
            if (members.Count == 0)
            {
                return EditResult<Breakdown>.Invalid(BreakdownFields.Members, "Choose at least one unit or place to break the indicator down by");
            }

            breakdown = new Breakdown { OrganisationId = indicator.OrganisationId, IndicatorId = indicatorId, Kind = kind };
            db.Breakdowns.Add(breakdown);
        }

        var result = await db.SaveVersionedAsync(breakdown, version, Current(indicatorId), () =>
        {
            if (members.Count == 0)
            {
                db.Breakdowns.Remove(breakdown);
                return;
            }

            breakdown.Kind = kind;
            foreach (var gone in dropped)
            {
                breakdown.Members.Remove(gone);
                db.BreakdownMembers.Remove(gone);
            }

            for (var n = 0; n < members.Count; n++)
            {
                var wanted = members[n];
                var member = breakdown.Members.FirstOrDefault(m => m.UnitId == wanted.UnitId && m.PlaceId == wanted.PlaceId);
                if (member is null)
                {
                    member = new BreakdownMember { OrganisationId = indicator.OrganisationId, UnitId = wanted.UnitId, PlaceId = wanted.PlaceId };
                    breakdown.Members.Add(member);
                }

                member.OwnerPostId = wanted.OwnerPostId;
                member.SortOrder = n;
            }

            // The breakdown's own version moves with any change of its members, so two set-ups never cross unseen.
            db.Entry(breakdown).State = db.Entry(breakdown).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(breakdown).State;
        }, ct);
        return result;
    }

    private async Task<List<BreakdownMemberInput>> ReadMembersAsync(
        BreakdownKind kind, IReadOnlyList<BreakdownMemberInput> input, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (input.Count > BreakdownLimits.MaxMembers)
        {
            errors[BreakdownFields.Members] = $"A breakdown can have at most {BreakdownLimits.MaxMembers} parts";
            return [];
        }

        var units = await db.Units.Select(u => u.Id).ToListAsync(ct);
        var places = await db.Places.Select(p => p.Id).ToListAsync(ct);
        var posts = await db.Posts.Select(p => p.Id).ToListAsync(ct);
        var read = new List<BreakdownMemberInput>();
        var seen = new HashSet<int>();
        for (var n = 0; n < input.Count; n++)
        {
            var m = input[n];
            var id = kind == BreakdownKind.Unit ? m.UnitId : m.PlaceId;
            var field = BreakdownFields.Member(n, kind == BreakdownKind.Unit ? "unitId" : "placeId");
            if (id is not { } chosen || !(kind == BreakdownKind.Unit ? units : places).Contains(chosen))
            {
                errors[field] = kind == BreakdownKind.Unit ? "Choose a unit of this organisation" : "Choose a place of this organisation";
                continue;
            }

            if (!seen.Add(chosen))
            {
                errors[field] = kind == BreakdownKind.Unit ? "This unit is in the breakdown already" : "This place is in the breakdown already";
                continue;
            }

            if (m.OwnerPostId is { } post && !posts.Contains(post))
            {
                errors[BreakdownFields.Member(n, "ownerPostId")] = "Choose a post of this organisation";
                continue;
            }

            read.Add(kind == BreakdownKind.Unit ? new(chosen, null, m.OwnerPostId) : new(null, chosen, m.OwnerPostId));
        }

        return read;
    }

    private Func<CancellationToken, Task<Breakdown?>> Current(int indicatorId) =>
        ct => db.Breakdowns.AsNoTracking().Include(b => b.Members).ThenInclude(m => m.Unit)
            .Include(b => b.Members).ThenInclude(m => m.Place).SingleOrDefaultAsync(b => b.IndicatorId == indicatorId, ct);

    private async Task<EditResult<Breakdown>> ConflictAsync(int indicatorId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await VersionedSave.ConflictAsync(Current(indicatorId), ct);
    }

    internal static string WhyNot(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can set up breakdowns.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can set up breakdowns only for indicators of your units.",
        _ => "Only performance officers, administrators and service managers (for their units' indicators) can set up breakdowns.",
    };
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Breakdowns;

/// <summary>
/// Enters a period's figures of a breakdown's members in one go (the form's rows, the API's list), then forms the
/// indicator's whole figure for the period from all its members by <see cref="BreakdownRules.Whole"/> and saves it as
/// the indicator's ordinary value, with its history, so that every page, status, report and the audit trail read one
/// value. Each member's figure is checked as the value page checks a value; a locked period needs a correction reason,
/// and each change is recorded as a correction; a figure saved meanwhile by someone else is never overwritten unseen.
/// </summary>
public sealed class BreakdownValueEditor(WaymarkDbContext db, TimeProvider clock, BreakdownQueries queries)
{
    private readonly PeriodLock periodLock = new(db, clock);

    /// <summary>The check before the figures form: the breakdown, if the actor may enter the figures of any member.</summary>
    public async Task<EditResult<Breakdown>> OpenAsync(Actor? actor, int indicatorId, CancellationToken ct = default)
    {
        var breakdown = await queries.ForIndicatorAsync(indicatorId, ct);
        if (breakdown is null)
        {
            return EditResult<Breakdown>.NotFound();
        }

        return breakdown.Members.Any(m => CanEnter(actor, breakdown.Indicator!, m))
            ? EditResult<Breakdown>.Done(breakdown)
            : EditResult<Breakdown>.Forbidden(WhyNot(actor));
    }

    /// <summary>Whether the actor may enter this member's figures: its owner, the indicator's owners, the central team.</summary>
    public static bool CanEnter(Actor? actor, Indicator indicator, BreakdownMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Permissions.CanEnterBreakdownValues(actor, member.UnitId, member.OwnerPostId) || IndicatorValueEditor.CanEnter(actor, indicator);
    }

    /// <summary>
    /// Saves the rows of one period. A blank row clears that member's figure. Rows that change nothing are left alone
    /// (a row the actor may not enter may be sent unchanged).
    /// </summary>
    public async Task<EditResult<BreakdownPeriod>> SaveAsync(Actor? actor, int indicatorId, BreakdownValuesInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var breakdown = await queries.ForIndicatorAsync(indicatorId, ct);
        if (breakdown is null)
        {
            return EditResult<BreakdownPeriod>.NotFound();
        }

        var indicator = breakdown.Indicator!;
        if (!breakdown.Members.Any(m => CanEnter(actor, indicator, m)))
        {
            return EditResult<BreakdownPeriod>.Forbidden(WhyNot(actor));
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var errors = new Dictionary<string, string>();
        var period = IndicatorValueEditor.ReadPeriod(indicator, input.Period, organisation.YearStartMonth, db.Scope.Today(clock), errors);
        var rows = ReadRows(indicator, breakdown, input.Rows, errors);
        if (period is not { } p || errors.Count > 0)
        {
            return EditResult<BreakdownPeriod>.Invalid(errors);
        }

        var memberIds = breakdown.Members.Select(m => m.Id).ToList();
        var existing = await db.BreakdownValues.Where(v => memberIds.Contains(v.MemberId) && v.Period == p).ToDictionaryAsync(v => v.MemberId, ct);
        var changed = rows.Where(r => Changes(existing.GetValueOrDefault(r.Member.Id), r)).ToList();
        if (changed.FirstOrDefault(r => !CanEnter(actor, indicator, r.Member)) is { } notTheirs)
        {
            return EditResult<BreakdownPeriod>.Forbidden($"You cannot enter the figures of {notTheirs.Member.Name}: they are entered by its owner, the indicator's owners or the performance team.");
        }

        // Each changed row was read at a version (none when it had no figure): a figure saved since is never overwritten.
        if (changed.Any(r => existing.GetValueOrDefault(r.Member.Id)?.Version != r.Version))
        {
            return await ConflictAsync(indicatorId, p, ct);
        }

        if (changed.Count == 0)
        {
            return EditResult<BreakdownPeriod>.Done((await queries.PeriodAsync(indicatorId, p, ct))!);
        }

        var check = await periodLock.CheckAsync(actor, p, indicator.UnitId, input.CorrectionReason, ct);
        if ((check.Refusal ?? check.ReasonProblem) is { } why)
        {
            return check.Refusal is null ? EditResult<BreakdownPeriod>.Invalid(LockRules.ReasonField, why) : EditResult<BreakdownPeriod>.Forbidden(why);
        }

        var now = clock.GetUtcNow();
        foreach (var row in changed)
        {
            var before = existing.GetValueOrDefault(row.Member.Id);
            if (check.IsCorrection)
            {
                var subject = new CorrectionSubject(CorrectionKind.IndicatorValue, indicator.Id, $"{indicator.Label}: {row.Member.Name}", p, row.Member.UnitId ?? indicator.UnitId);
                db.Corrections.Add(ValueCorrections.For(check, actor!, subject,
                    before is null ? null : ValueCorrections.Of(indicator, before.Value, null, before.Commentary),
                    row.Value is null && row.Commentary is null ? null : ValueCorrections.Of(indicator, row.Value, null, row.Commentary), now));
            }

            Apply(before, row, p, actor!, now);
        }

        var figures = breakdown.Members.Select(m => changed.FirstOrDefault(r => r.Member.Id == m.Id) is { } r ? r.Value : existing.GetValueOrDefault(m.Id)?.Value).ToList();
        await FormWholeAsync(indicator, p, BreakdownRules.Whole(figures, indicator.Aggregation, indicator.Unit, indicator.DecimalPlaces), check, actor!, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(indicatorId, p, ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Someone entered the same member's first figure at the same moment.
            return await ConflictAsync(indicatorId, p, ct);
        }

        db.ChangeTracker.Clear();
        return EditResult<BreakdownPeriod>.Done((await queries.PeriodAsync(indicatorId, p, ct))!);
    }

    private sealed record Row(int Index, BreakdownMember Member, decimal? Value, string? Commentary, Guid? Version);

    private static List<Row> ReadRows(Indicator indicator, Breakdown breakdown, IReadOnlyList<BreakdownValueInput> input, Dictionary<string, string> errors)
    {
        var rows = new List<Row>();
        var seen = new HashSet<int>();
        for (var n = 0; n < input.Count; n++)
        {
            var row = input[n];
            var member = breakdown.Members.FirstOrDefault(m => m.Id == row.MemberId);
            if (member is null || !seen.Add(member.Id))
            {
                errors[BreakdownFields.Row(n, "memberId")] = member is null ? "This part is not in the indicator's breakdown" : "This part is in the list twice";
                continue;
            }

            decimal? value = null;
            var field = BreakdownFields.Row(n, "value");
            if (!string.IsNullOrWhiteSpace(row.Value))
            {
                if (!IndicatorNumbers.TryParse(row.Value, out var number))
                {
                    errors[field] = $"The figure for {member.Name} must be a number, like 33.9 or 1,010";
                }
                else if (IndicatorNumbers.DecimalPlaces(number) > indicator.DecimalPlaces && Math.Round(number, indicator.DecimalPlaces) != number)
                {
                    errors[field] = indicator.DecimalPlaces == 0
                        ? $"The figure for {member.Name} must be a whole number"
                        : $"The figure for {member.Name} must have no more than {indicator.DecimalPlaces} decimal place{(indicator.DecimalPlaces == 1 ? "" : "s")}";
                }
                else if (DataQualityRules.OutOfRange(number, indicator, $"The figure for {member.Name}") is { } outside)
                {
                    errors[field] = outside;
                }
                else
                {
                    value = number;
                }
            }

            var commentary = FieldReader.Clean(row.Commentary);
            if (FieldReader.Problem(commentary, $"commentary for {member.Name}", BreakdownLimits.CommentaryMaxLength) is { } problem)
            {
                errors[BreakdownFields.Row(n, "commentary")] = problem;
            }
            else if (commentary is not null && value is null && !errors.ContainsKey(field))
            {
                errors[field] = $"Enter the figure for {member.Name}, or clear its commentary";
            }

            rows.Add(new Row(n, member, value, commentary, row.Version));
        }

        return rows;
    }

    private static bool Changes(BreakdownValue? existing, Row row) =>
        existing is null ? row.Value is not null : existing.Value != row.Value || existing.Commentary != row.Commentary;

    private void Apply(BreakdownValue? existing, Row row, Period period, Actor actor, DateTimeOffset now)
    {
        if (row.Value is null)
        {
            db.BreakdownValues.Remove(existing!);
            return;
        }

        if (existing is null)
        {
            db.BreakdownValues.Add(new BreakdownValue
            {
                OrganisationId = row.Member.OrganisationId, MemberId = row.Member.Id, Period = period, Value = row.Value,
                Commentary = row.Commentary, EnteredByName = actor.Name, EnteredAt = now,
            });
            return;
        }

        db.Entry(existing).Property(v => v.Version).OriginalValue = row.Version!.Value;
        existing.Value = row.Value;
        existing.Commentary = row.Commentary;
        existing.EnteredByName = actor.Name;
        existing.EnteredAt = now;
        existing.IsDemonstration = false;
    }

    /// <summary>
    /// The indicator's value for the period becomes the whole figure, through the value's own history (entered or
    /// changed by this person, any verification cleared), as a correction in a locked period. Its commentary stays the
    /// indicator owner's. Nothing is written when the whole is not formed from parts, or no part has a figure.
    /// </summary>
    private async Task FormWholeAsync(Indicator indicator, Period period, WholeFigure whole, LockCheck check, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (whole.Value is not { } figure || indicator.Calculation != CalculationKind.None)
        {
            return;
        }

        var value = await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.Period == period, ct);
        if (value is null)
        {
            value = new IndicatorValue
            {
                OrganisationId = indicator.OrganisationId, IndicatorId = indicator.Id, Period = period, Value = figure,
                EnteredByUserId = actor.UserId, EnteredByName = actor.Name, EnteredAt = now,
            };
            db.IndicatorValues.Add(value);
            db.IndicatorValueEvents.Add(IndicatorValueEditor.Event(value, ValueEventKind.Entered, actor, now));
            if (check.IsCorrection)
            {
                db.Corrections.Add(ValueCorrections.ForValue(check, actor, indicator, period, null, ValueCorrections.Of(indicator, value), now, null));
            }

            return;
        }

        if (value.Value == figure)
        {
            return;
        }

        var before = ValueCorrections.Of(indicator, value);
        db.IndicatorValueEvents.Add(IndicatorValueEditor.Change(value, figure, null, value.Commentary, actor, now, false, value.Remedial));
        if (check.IsCorrection)
        {
            db.Corrections.Add(ValueCorrections.ForValue(check, actor, indicator, period, before, ValueCorrections.Of(indicator, value), now, value.Id));
        }
    }

    private async Task<EditResult<BreakdownPeriod>> ConflictAsync(int indicatorId, Period period, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await queries.PeriodAsync(indicatorId, period, ct) is { } now ? EditResult<BreakdownPeriod>.Conflict(now) : EditResult<BreakdownPeriod>.NotFound();
    }

    internal static string WhyNot(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can enter breakdown figures.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "You can enter the figures only of parts you own (through a post you hold), of units in your scope, or of indicators you own or lead.",
    };
}

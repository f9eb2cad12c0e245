using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Messages;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>The field names of a query, an answer and a correction, as in the API body.</summary>
public static class ValueQueryFields
{
    public const string Note = "note";
}

/// <summary>A correction in answer to a query: the value as it should be, and a note saying what was wrong.</summary>
public sealed record ValueCorrectionInput(string? Value, bool NotAvailable, string? NotAvailableReason, string? Commentary, string? Note, Guid? Version);

/// <summary>One value to verify in a batch: which, and the version the verifier saw.</summary>
public sealed record VerifyItem(int IndicatorId, string? Period, Guid? Version);

/// <summary>Why one value of a batch was not verified; <see cref="Current"/> is the value as it now is for a conflict.</summary>
public sealed record VerifyItemProblem(int Index, EditOutcome Outcome, string Reason, IndicatorValue? Current);

/// <summary>
/// A batch verification: every value verified, or none (then <see cref="Problems"/> says why, per value, or
/// <see cref="Reason"/> for the batch as a whole).
/// </summary>
public sealed record BulkVerifyResult(IReadOnlyList<IndicatorValue> Verified, IReadOnlyList<VerifyItemProblem> Problems, string? Reason = null)
{
    public bool IsDone => Problems.Count == 0 && Reason is null;
}

/// <summary>
/// Verification as a conversation: a verifier queries a value back to its owner with a note; the owner answers (a note)
/// or corrects the value (with a note), and it returns to the verify queue; several values can be verified at once.
/// Whoever may verify a value may query it; whoever may enter it may answer. Each step is kept in the value's history
/// with who, when and what was said; a stale version is refused, never overwritten.
/// </summary>
public sealed class ValueVerificationEditor(WaymarkDbContext db, TimeProvider clock, IndicatorValueEditor values, Notices notices)
{
    /// <summary>The most values verified in one batch: a page of the queue, twice over.</summary>
    public const int MaxBatch = 100;

    /// <summary>The check before the query form: the value, if the actor may query it now; else why not.</summary>
    public async Task<EditResult<IndicatorValue>> OpenQueryAsync(Actor? actor, int indicatorId, string? periodText, CancellationToken ct = default) =>
        (await CheckQueryAsync(actor, indicatorId, periodText, ct)).Result;

    /// <summary>The check before the answer and correction forms: the value, if the actor may answer its query now.</summary>
    public async Task<EditResult<IndicatorValue>> OpenAnswerAsync(Actor? actor, int indicatorId, string? periodText, CancellationToken ct = default) =>
        (await CheckAnswerAsync(actor, indicatorId, periodText, ct)).Result;

    /// <summary>Queries a value back to its owner with a note: it leaves the verify queue until the owner answers.</summary>
    public async Task<EditResult<IndicatorValue>> QueryAsync(Actor? actor, int indicatorId, string? periodText, string? note, Guid? version, CancellationToken ct = default)
    {
        var (existing, result) = await CheckQueryAsync(actor, indicatorId, periodText, ct);
        return existing is null ? result
            : await SaveStepAsync(existing, version, "query", ValueEventKind.Queried, ValueQueryState.Open, actor!, note, ct,
                () => StageQueryNoticeAsync(existing, actor!, FieldReader.Clean(note)!, ct));
    }

    /// <summary>Answers a query with a note, leaving the value as it is: it returns to the verify queue.</summary>
    public async Task<EditResult<IndicatorValue>> AnswerAsync(Actor? actor, int indicatorId, string? periodText, string? note, Guid? version, CancellationToken ct = default)
    {
        var (existing, result) = await CheckAnswerAsync(actor, indicatorId, periodText, ct);
        return existing is null ? result
            : await SaveStepAsync(existing, version, "answer", ValueEventKind.Answered, ValueQueryState.Answered, actor!, note, ct);
    }

    /// <summary>Answers a query by changing the value: the note says what was wrong; the value goes back to the verifiers.</summary>
    public async Task<EditResult<IndicatorValue>> CorrectAsync(Actor? actor, int indicatorId, string? periodText, ValueCorrectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (existing, result) = await CheckAnswerAsync(actor, indicatorId, periodText, ct);
        if (existing is null)
        {
            return result;
        }

        var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == indicatorId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var errors = new Dictionary<string, string>();
        var (_, value, reason, commentary) = IndicatorValueEditor.Validate(indicator,
            new ValueInput(existing.Period.Code, input.Value, input.NotAvailable, input.NotAvailableReason, input.Commentary, input.Version),
            organisation.YearStartMonth, UkCalendar.Today(clock), errors);
        var note = ReadNote(input.Note, "correction", errors);
        if (errors.Count == 0 && value == existing.Value && reason == existing.NotAvailableReason)
        {
            errors[IndicatorFields.Value] = "The value is the same as before: change it, or answer the query without correcting it";
        }

        if (errors.Count > 0)
        {
            return EditResult<IndicatorValue>.Invalid(errors);
        }

        if (input.Version is not { } expected)
        {
            return EditResult<IndicatorValue>.VersionMissing();
        }

        // In a locked period the correction's note is its reason: the register lists it like any other correction.
        var check = await new Corrections.PeriodLock(db, clock).CheckAsync(actor, existing.Period, indicator.UnitId, note, ct);
        if (check.Refusal is { } locked)
        {
            return EditResult<IndicatorValue>.Forbidden(locked);
        }

        return IndicatorValueEditor.Gone(await db.SaveVersionedAsync(existing, expected, values.Current(indicatorId, existing.Period), () =>
        {
            if (check.IsCorrection)
            {
                db.Corrections.Add(Corrections.ValueCorrections.ForValue(check, actor!, indicator, existing.Period, Corrections.ValueCorrections.Of(indicator, existing),
                    Corrections.ValueCorrections.Of(indicator, value, reason, commentary), clock.GetUtcNow(), existing.Id));
            }

            var step = IndicatorValueEditor.Change(existing, value, reason, commentary, actor!, clock.GetUtcNow());
            step.Kind = ValueEventKind.Corrected;
            step.Note = note;
            db.IndicatorValueEvents.Add(step);
        }, ct));
    }

    /// <summary>
    /// Verifies several values at once, all or nothing: any value that cannot be verified (gone, not yours to verify,
    /// your own entry, changed since it was read) is reported with why, and none is verified.
    /// </summary>
    public async Task<BulkVerifyResult> VerifyManyAsync(Actor? actor, IReadOnlyList<VerifyItem> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new BulkVerifyResult([], [], "Choose at least one value to verify");
        }

        if (items.Count > MaxBatch)
        {
            return new BulkVerifyResult([], [], $"Verify at most {MaxBatch} values at a time");
        }

        var problems = new List<VerifyItemProblem>();
        var found = new List<(int Index, IndicatorValue Value, Guid Version)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var (indicator, existing, problem) = await values.FindValueAsync(item.IndicatorId, item.Period, ct);
            string? refusal = problem is not null ? "This value has been deleted since the page was read."
                : !Permissions.CanVerifyIndicatorValues(actor, indicator!.UnitId) || indicator.Calculation != CalculationKind.None ? IndicatorValueEditor.WhyCannotVerify(actor)
                : !Permissions.CanVerifyValueEnteredBy(actor, existing!.EnteredByUserId) ? "You entered this value, so someone else must verify it."
                : item.Version is null ? "The form did not say which version of the value you saw."
                : null;
            if (refusal is not null)
            {
                problems.Add(new VerifyItemProblem(index, problem is not null ? EditOutcome.NotFound : EditOutcome.Refused, refusal, null));
            }
            else if (existing!.Version != item.Version)
            {
                problems.Add(new VerifyItemProblem(index, EditOutcome.Conflict, "This value has changed since you read it, so it has not been verified: check it again.", Untracked(existing)));
            }
            else
            {
                found.Add((index, existing, item.Version!.Value));
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new BulkVerifyResult([], problems);
        }

        var now = clock.GetUtcNow();
        foreach (var (_, value, version) in found.Where(f => !f.Value.IsVerified))
        {
            db.Entry(value).Property(v => v.Version).OriginalValue = version;
            value.QueryState = ValueQueryState.None;
            value.VerifiedByUserId = actor!.UserId;
            value.VerifiedByName = actor.Name;
            value.VerifiedAt = now;
            db.IndicatorValueEvents.Add(IndicatorValueEditor.Event(value, ValueEventKind.Verified, actor, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Changed between our read and our write: say which, as they now are.
            var stale = e.Entries.Select(x => x.Entity).OfType<IndicatorValue>().Select(v => v.Id).ToHashSet();
            db.ChangeTracker.Clear();
            foreach (var (index, value, _) in found.Where(f => stale.Contains(f.Value.Id)))
            {
                var current = await db.IndicatorValues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == value.Id, ct);
                problems.Add(new VerifyItemProblem(index, current is null ? EditOutcome.NotFound : EditOutcome.Conflict,
                    current is null ? "This value has been deleted since the page was read." : "This value has changed since you read it, so it has not been verified: check it again.", current));
            }

            return new BulkVerifyResult([], problems);
        }

        return new BulkVerifyResult(found.Select(f => f.Value).ToList(), []);
    }

    /// <summary>The value (tracked) when the actor may query it now; else null and the result that says why.</summary>
    private async Task<(IndicatorValue? Value, EditResult<IndicatorValue> Result)> CheckQueryAsync(Actor? actor, int indicatorId, string? periodText, CancellationToken ct)
    {
        var (indicator, existing, problem) = await values.FindValueAsync(indicatorId, periodText, ct);
        EditResult<IndicatorValue>? refusal = problem
            ?? (!Permissions.CanVerifyIndicatorValues(actor, indicator!.UnitId) || indicator.Calculation != CalculationKind.None
                ? EditResult<IndicatorValue>.Forbidden(IndicatorValueEditor.WhyCannotVerify(actor))
                : !Permissions.CanVerifyValueEnteredBy(actor, existing!.EnteredByUserId)
                    ? EditResult<IndicatorValue>.Forbidden("You entered this value, so there is nobody to query it back to: change it yourself, and someone else will verify it.")
                    : ValueVerificationRules.WhyCannotQuery(existing) is { } why ? EditResult<IndicatorValue>.Refused(why) : null);
        return refusal is null ? (existing, EditResult<IndicatorValue>.Done(existing!)) : (null, refusal);
    }

    /// <summary>The value (tracked) when the actor may answer its query now; else null and the result that says why.</summary>
    private async Task<(IndicatorValue? Value, EditResult<IndicatorValue> Result)> CheckAnswerAsync(Actor? actor, int indicatorId, string? periodText, CancellationToken ct)
    {
        var (indicator, existing, problem) = await values.FindValueAsync(indicatorId, periodText, ct);
        EditResult<IndicatorValue>? refusal = problem
            ?? (!IndicatorValueEditor.CanEnter(actor, indicator!)
                ? EditResult<IndicatorValue>.Forbidden(IndicatorValueEditor.WhyCannotEnter(actor, indicator!))
                : ValueVerificationRules.WhyCannotAnswer(existing!) is { } why ? EditResult<IndicatorValue>.Refused(why) : null);
        return refusal is null ? (existing, EditResult<IndicatorValue>.Done(existing!)) : (null, refusal);
    }

    private async Task<EditResult<IndicatorValue>> SaveStepAsync(IndicatorValue existing, Guid? version, string label, ValueEventKind kind,
        ValueQueryState state, Actor actor, string? noteText, CancellationToken ct, Func<Task>? alongside = null)
    {
        var errors = new Dictionary<string, string>();
        var note = ReadNote(noteText, label, errors);
        if (errors.Count > 0)
        {
            return EditResult<IndicatorValue>.Invalid(errors);
        }

        if (version is not { } expected)
        {
            return EditResult<IndicatorValue>.VersionMissing();
        }

        if (alongside is not null)
        {
            await alongside();
        }

        if (alongside is not null)
        {
            await alongside();
        }

        return IndicatorValueEditor.Gone(await db.SaveVersionedAsync(existing, expected, values.Current(existing.IndicatorId, existing.Period), () =>
        {
            existing.QueryState = state;
            var step = IndicatorValueEditor.Event(existing, kind, actor, clock.GetUtcNow());
            step.Note = note;
            db.IndicatorValueEvents.Add(step);
        }, ct));
    }

    /// <summary>
    /// Tells whoever answers for the value that it was queried (its data owner, else its lead officer, else whoever
    /// entered it), saved with the query itself. Nobody is told of their own query.
    /// </summary>
    private async Task StageQueryNoticeAsync(IndicatorValue value, Actor actor, string note, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == value.IndicatorId)
            .Select(i => new { i.Code, i.Title, Owner = i.DataOwnerPersonId ?? i.DataOwnerPost!.HolderId, Lead = i.LeadPersonId ?? i.LeadPost!.HolderId })
            .SingleAsync(ct);
        var enterer = value.EnteredByUserId is { } userId
            ? await db.Memberships.Where(m => m.UserId == userId).Select(m => m.PersonId).FirstOrDefaultAsync(ct)
            : null;
        if ((indicator.Owner ?? indicator.Lead ?? enterer) is not { } person || person == actor.PersonId)
        {
            return;
        }

        var organisation = db.Scope.Organisation!;
        var label = string.IsNullOrWhiteSpace(indicator.Code) ? indicator.Title : $"{indicator.Code} {indicator.Title}";
        var placeholders = new Placeholders
        {
            ["items"] = $"{label}, {value.Period.Format(organisation.YearStartMonth)}",
            ["note"] = note,
        };
        var link = $"/{organisation.Slug}/indicators/{value.IndicatorId}/values/{value.Period.Code}/answer";
        var reference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"i{value.IndicatorId}/{value.Period.Code}/{clock.GetUtcNow().UtcTicks}");
        await notices.StageAsync(organisation.Id, person, NoticeKind.ValueQueried, placeholders, link, reference, ct);
    }

    private static string? ReadNote(string? text, string label, Dictionary<string, string> errors)
    {
        var note = FieldReader.Clean(text);
        if (note is null)
        {
            errors[ValueQueryFields.Note] = label switch
            {
                "query" => "Enter your query: what the owner should check",
                "answer" => "Enter your answer to the query",
                _ => "Enter a note saying what was wrong and what you corrected",
            };
        }
        else if (note.Length > IndicatorLimits.TextMaxLength)
        {
            errors[ValueQueryFields.Note] = FieldReader.TooLong($"{label} note", IndicatorLimits.TextMaxLength);
        }

        return note;
    }

    private IndicatorValue Untracked(IndicatorValue value)
    {
        db.Entry(value).State = EntityState.Detached;
        return value;
    }
}

using Waymark.Core.Accounts;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Corrections;

/// <summary>A value, update or progress as it stands before or after a change, as the register shows it.</summary>
public sealed record CorrectedState(string? Value, string? Status, string? Commentary);

/// <summary>Puts the changes the editors make to locked records into corrections, one way for every path.</summary>
public static class ValueCorrections
{
    /// <summary>An indicator value as shown: "33.9%", or "Not available: the survey was not run".</summary>
    public static CorrectedState Of(Indicator indicator, decimal? value, string? notAvailableReason, string? commentary)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var shown = value is { } n ? IndicatorNumbers.Format(n, indicator.Unit, indicator.DecimalPlaces) : $"Not available: {notAvailableReason}";
        return new CorrectedState(shown, null, commentary);
    }

    public static CorrectedState Of(Indicator indicator, IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Of(indicator, value.Value, value.NotAvailableReason, value.Commentary);
    }

    /// <summary>An action's progress update: its R/A/G or status, and commentary.</summary>
    public static CorrectedState Of(ActionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new CorrectedState(null, ActionRules.Assessment(update), update.Commentary);
    }

    /// <summary>A milestone's progress: its state (with the date achieved or the month now expected), and commentary.</summary>
    public static CorrectedState Of(MilestoneProgress progress, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var state = progress.State switch
        {
            MilestoneState.Achieved when progress.AchievedOn is { } on => $"Achieved on {LockRules.Date(on)}",
            MilestoneState.MissedOrLate when progress.RevisedMonth is { } month => $"Missed or late, now expected {month.Format(yearStartMonth)}",
            var other => MilestoneProgressWords(other),
        };
        return new CorrectedState(null, state, $"{progress.Commentary}\n{progress.Remedial}");
    }

    private static string MilestoneProgressWords(MilestoneState state) => state switch
    {
        MilestoneState.Achieved => "Achieved",
        MilestoneState.OnTrack => "On track",
        MilestoneState.AtRisk => "At risk",
        _ => "Missed or late",
    };

    /// <summary>The correction for a change to an indicator's value of a locked period (either side empty when created or deleted).</summary>
    public static Correction ForValue(LockCheck check, Actor actor, Indicator indicator, Period period, CorrectedState? before, CorrectedState? after, DateTimeOffset at, int? valueId)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var correction = For(check, actor, new CorrectionSubject(CorrectionKind.IndicatorValue, indicator.Id, indicator.Label, period, indicator.UnitId), before, after, at);
        correction.RecordId = valueId;
        return correction;
    }

    /// <summary>The correction for any locked record: old and new, whether the commentary changed, the reason, who and when.</summary>
    public static Correction For(LockCheck check, Actor actor, CorrectionSubject subject, CorrectedState? before, CorrectedState? after, DateTimeOffset at)
    {
        var correction = LockSnapshot.Correction(check, actor, subject, before?.Value, after?.Value, at);
        correction.OldStatus = before?.Status;
        correction.NewStatus = after?.Status;
        correction.CommentaryChanged = before is not null && after is not null && before.Commentary != after.Commentary;
        return correction;
    }
}

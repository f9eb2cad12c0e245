using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

/// <summary>
/// What the steps of a round tell the owners, staged through <see cref="Notices"/> so that each notice (and its e-mail)
/// is saved with the step it reports: the round opened (every owner, with their deadline and items), an item returned
/// with a note, a return signed off. Round closing soon is the reminder planner's (<see cref="ReminderPlanner"/>).
/// </summary>
public sealed class ReturnNotices(WaymarkDbContext db, Notices notices)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Round opened" to the owner of each of the new round's returns, with what the return asks for.</summary>
    public async Task StageRoundOpenedAsync(Organisation organisation, MonitoringRound round, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(round);
        var label = await LabelsAsync([.. round.Returns.SelectMany(r => r.Items)], organisation.YearStartMonth, ct);
        foreach (var r in round.Returns)
        {
            var items = string.Join('\n', r.Items.OrderBy(i => i.Kind).Select(i => "- " + label(i)));
            await notices.StageAsync(organisation.Id, r.PersonId, NoticeKind.RoundOpened, new Placeholders
            {
                ["round"] = round.Label(organisation.YearStartMonth),
                ["deadline"] = Date(round.ReturnsDeadline),
                ["items"] = items,
            }, $"/{organisation.Slug}/my-return", $"round/{round.Period.Code}", ct);
        }
    }

    /// <summary>"Returned with a note" to the return's owner: which item, the manager's note, and a link to the return.</summary>
    public async Task StageReturnedAsync(RoundReturn @return, RoundReturnItem item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(@return);
        ArgumentNullException.ThrowIfNull(item);
        var organisation = db.Scope.Organisation!;
        var label = await LabelsAsync([item], organisation.YearStartMonth, ct);
        await notices.StageAsync(organisation.Id, @return.PersonId, NoticeKind.ReturnReturned, new Placeholders
        {
            ["round"] = @return.Round!.Label(organisation.YearStartMonth),
            ["deadline"] = Date(@return.Round.ReturnsDeadline),
            ["note"] = $"{item.ReturnNote} ({item.ReturnedByName})",
            ["items"] = "- " + label(item),
        }, MyReturn(organisation, @return), string.Create(CultureInfo.InvariantCulture, $"item/{item.Id}/{item.ReturnedAt?.UtcTicks}"), ct);
    }

    /// <summary>"Signed off" to the return's owner, saying by whom.</summary>
    public async Task StageSignedOffAsync(RoundReturn @return, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(@return);
        var organisation = db.Scope.Organisation!;
        await notices.StageAsync(organisation.Id, @return.PersonId, NoticeKind.ReturnSignedOff, new Placeholders
        {
            ["round"] = @return.Round!.Label(organisation.YearStartMonth),
            ["deadline"] = Date(@return.Round.SignOffDeadline),
            ["note"] = $"It was signed off by {@return.SignedOffByName}.",
        }, MyReturn(organisation, @return), string.Create(CultureInfo.InvariantCulture, $"return/{@return.Id}"), ct);
    }

    private static string MyReturn(Organisation organisation, RoundReturn @return) =>
        string.Create(CultureInfo.InvariantCulture, $"/{organisation.Slug}/my-return/{@return.RoundId}");

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>How each item is named in a message ("NI 191 Residual household waste, Q3 2011/12"), in a few queries.</summary>
    private async Task<Func<RoundReturnItem, string>> LabelsAsync(IReadOnlyCollection<RoundReturnItem> items, int yearStart, CancellationToken ct)
    {
        var indicatorIds = items.Where(i => i.IndicatorId is not null).Select(i => i.IndicatorId!.Value).Distinct().ToList();
        var actionIds = items.Where(i => i.ActionId is not null).Select(i => i.ActionId!.Value).Distinct().ToList();
        var milestoneIds = items.Where(i => i.MilestoneId is not null).Select(i => i.MilestoneId!.Value).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Code, i.Title }).ToDictionaryAsync(i => i.Id, i => string.IsNullOrWhiteSpace(i.Code) ? i.Title : $"{i.Code} {i.Title}", ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => milestoneIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        return item => item.Kind switch
        {
            RoundItemKind.IndicatorValue => $"{indicators.GetValueOrDefault(item.IndicatorId ?? 0, $"Indicator {item.IndicatorId}")}, {item.ValuePeriod?.Format(yearStart)}",
            RoundItemKind.ActionProgress => $"Progress on action: {actions.GetValueOrDefault(item.ActionId ?? 0, $"action {item.ActionId}")}",
            RoundItemKind.MilestoneProgress => $"Progress on milestone: {milestones.GetValueOrDefault(item.MilestoneId ?? 0, $"milestone {item.MilestoneId}")}",
            _ => $"Item {item.Id}",
        };
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>
/// A round's chasing: the owners whose returns are outstanding, how many working days overdue, when each was last
/// reminded, and "send a reminder now" (the performance team; once an hour a person).
/// </summary>
public class RemindersModel(OrganisationScope scope, ReminderPlanner planner, Waymark.Core.Data.WaymarkDbContext db, MailSettings mail) : EditorPageModel(scope)
{
    public MonitoringRound Round { get; private set; } = null!;

    public IReadOnlyList<OutstandingOwner> Owners { get; private set; } = [];

    public IReadOnlyDictionary<int, DateTimeOffset> LastReminded { get; private set; } = new Dictionary<int, DateTimeOffset>();

    public bool MaySend { get; private set; }

    public string? MailNotConfigured => mail.NotConfiguredReason;

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendAsync(int id, int returnId, CancellationToken ct)
    {
        var result = await planner.SendNowAsync(await LoadActorAsync(ct), id, returnId, ct);
        return await AnswerAsync(result, notice =>
        {
            Notification = $"A reminder has been sent: \u201c{notice.Text}\u201d";
            return Redirect($"{OrgPath}/rounds/{id}/reminders");
        }, async () => await LoadAsync(id, ct));
    }

    /// <summary>A refusal (sent within the hour, or no longer outstanding) is shown above the list.</summary>
    protected override void ShowRefusal(string reason)
    {
        base.ShowRefusal(reason);
        Errors["send"] = reason;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return false;
        }

        Round = round;
        MaySend = Permissions.CanSendReminders(Actor);
        Owners = await planner.OutstandingOwnersAsync(id, ct);
        LastReminded = await planner.LastRemindedAsync([.. Owners.Select(o => o.Return.OwnerPersonId)], ct);
        return true;
    }
}

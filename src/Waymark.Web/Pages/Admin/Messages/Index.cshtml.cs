using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin.Messages;

/// <summary>
/// Messages for administrators: whether e-mail is configured, the reminder and escalation schedule
/// (<see cref="ReminderScheduleEditor"/>), and the templates with whether each is the organisation's own.
/// </summary>
public class IndexModel(OrganisationScope scope, ReminderScheduleEditor editor, MailSettings mail, Waymark.Core.Data.WaymarkDbContext db)
    : EditorPageModel(scope)
{
    [BindProperty]
    public string? DaysBefore { get; set; }

    [BindProperty]
    public string? RepeatDays { get; set; }

    [BindProperty]
    public string? ManagerDays { get; set; }

    [BindProperty]
    public string? DirectorDays { get; set; }

    [TempData]
    public string? Notification { get; set; }

    public string? MailNotConfigured => mail.NotConfiguredReason;

    public MailSettings Mail => mail;

    /// <summary>The kinds whose template the organisation has changed.</summary>
    public IReadOnlySet<NoticeKind> OwnTemplates { get; private set; } = new HashSet<NoticeKind>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await editor.OpenAsync(await LoadActorAsync(ct), ct);
        return await AnswerAsync(result, organisation =>
        {
            Show(organisation);
            return Page();
        }, LoadTemplatesAsync);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await editor.SaveAsync(await LoadActorAsync(ct), Version, new ReminderScheduleInput(DaysBefore, RepeatDays, ManagerDays, DirectorDays), ct);
        return await AnswerAsync(result, () =>
        {
            Notification = "The reminder schedule has been saved";
            return Redirect($"{OrgPath}/admin/messages");
        }, LoadTemplatesAsync, saved => ConflictRow.Differing(
            new ConflictRow("Days before the deadline", Number(saved.ReminderDaysBefore), DaysBefore),
            new ConflictRow("Repeat while overdue", Number(saved.ReminderRepeatDays), RepeatDays),
            new ConflictRow("Tell the manager after", Number(saved.EscalateToManagerDays), ManagerDays),
            new ConflictRow("Tell the director after", Number(saved.EscalateToDirectorDays), DirectorDays)));
    }

    private void Show(Organisation organisation)
    {
        Version = organisation.Version;
        DaysBefore = Number(organisation.ReminderDaysBefore);
        RepeatDays = Number(organisation.ReminderRepeatDays);
        ManagerDays = Number(organisation.EscalateToManagerDays);
        DirectorDays = Number(organisation.EscalateToDirectorDays);
    }

    private async Task LoadTemplatesAsync() =>
        OwnTemplates = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.MessageTemplates.Select(t => t.Kind))).ToHashSet();

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

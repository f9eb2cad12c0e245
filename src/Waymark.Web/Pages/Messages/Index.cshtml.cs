using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Messages;

/// <summary>
/// The message log: every e-mail Waymark wrote, to whom, when, what, and whether it was sent or why not; filtered and
/// paged. For the performance team (the folder's policy).
/// </summary>
public class IndexModel(OrganisationScope scope, MessageQueries messages, MailSettings mail) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public MessagePage Log { get; private set; } = null!;

    public IReadOnlyDictionary<MessageState, int> Counts { get; private set; } = new Dictionary<MessageState, int>();

    public PageLinks Pages { get; private set; } = null!;

    /// <summary>Why no e-mail is sent, when it is not configured; null when it is.</summary>
    public string? MailNotConfigured => mail.NotConfiguredReason;

    public static IReadOnlyList<SelectOption> StateOptions { get; } =
        [.. Enum.GetValues<MessageState>().Select(s => new SelectOption(s.ToString().ToLowerInvariant(), StateWords(s)))];

    public static IReadOnlyList<SelectOption> KindOptions { get; } = [.. NoticeKinds.All.Select(k => new SelectOption(k.Slug(), k.Words()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var state = Enum.GetValues<MessageState>().Cast<MessageState?>().FirstOrDefault(s => s.ToString()!.Equals(State, StringComparison.OrdinalIgnoreCase));
        var filter = new MessageFilter(state, NoticeKinds.FromSlug(Kind), Search);
        Log = await messages.LogAsync(filter, PageLinks.Asked(Request), ct);
        Counts = await messages.CountsAsync(ct);
        Pages = new PageLinks(Log.Page, PageLinks.Count(Log.Total, Log.PageSize), Link, "messages");
    }

    public static string StateWords(MessageState state) => state switch
    {
        MessageState.Pending => "Waiting to be sent",
        MessageState.Sending => "Being sent",
        MessageState.Sent => "Sent",
        MessageState.Failed => "Failed",
        _ => state.ToString(),
    };

    public static string StateTag(MessageState state) => state switch
    {
        MessageState.Sent => "govuk-tag--green",
        MessageState.Failed => "govuk-tag--red",
        _ => "govuk-tag--yellow",
    };

    private string Link(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("state", State);
        Add("kind", Kind);
        Add("q", Search);
        Add("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        return $"{OrgPath}/messages" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}

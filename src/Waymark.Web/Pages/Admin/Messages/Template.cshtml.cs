using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin.Messages;

/// <summary>One kind of message's template (the route's id is the kind, "value-queried"): its subject and text, with named placeholders; reset to Waymark's wording.</summary>
public class TemplateModel(OrganisationScope scope, MessageTemplateEditor editor) : EditorPageModel(scope)
{
    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [TempData]
    public string? Notification { get; set; }

    public NoticeKind Kind { get; private set; }

    /// <summary>Whether the organisation has its own wording (else Waymark's is shown).</summary>
    public bool IsOwn { get; private set; }

    /// <summary>The HTML version of what is saved now, as the e-mail's second part shows it (with example values).</summary>
    public RenderedMessage? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (NoticeKinds.FromSlug(id) is not { } k)
        {
            return NotFound();
        }

        Kind = k;
        var result = await editor.OpenAsync(await LoadActorAsync(ct), k, ct);
        return await AnswerAsync(result, template =>
        {
            Show(template);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (NoticeKinds.FromSlug(id) is not { } k)
        {
            return NotFound();
        }

        Kind = k;
        var result = await editor.SaveAsync(await LoadActorAsync(ct), k, Version == Guid.Empty ? null : Version, new MessageTemplateInput(Subject, Body), ct);
        return await AnswerAsync(result, () =>
        {
            Notification = $"The \u201c{k.Words()}\u201d template has been saved";
            return Redirect($"{OrgPath}/admin/messages/templates/{k.Slug()}");
        }, null, saved => ConflictRow.Differing(new ConflictRow("Subject", saved.Subject, Subject), new ConflictRow("Text", saved.Body, Body)));
    }

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        if (NoticeKinds.FromSlug(id) is not { } k)
        {
            return NotFound();
        }

        Kind = k;
        var result = await editor.ResetAsync(await LoadActorAsync(ct), k, ct);
        return await AnswerAsync(result, () =>
        {
            Notification = $"The \u201c{k.Words()}\u201d template is back to Waymark's wording";
            return Redirect($"{OrgPath}/admin/messages/templates/{k.Slug()}");
        });
    }

    private void Show(MessageTemplate template)
    {
        IsOwn = template.Id != 0;
        Version = template.Version;
        Subject = template.Subject;
        Body = template.Body;
        Preview = MessageTemplateRules.Render(template.Subject, template.Body, Examples(Organisation));
    }

    /// <summary>Example values for the preview.</summary>
    public static Placeholders Examples(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new Placeholders
        {
            ["person"] = "Sam Taylor",
            ["organisation"] = organisation.Name,
            ["items"] = "- NI 4 % of people who feel they can influence decisions in their locality, Q3 2011/12",
            ["link"] = $"https://waymark.example/{organisation.Slug}",
            ["deadline"] = "20 January 2012",
            ["round"] = "Q3 2011/12",
            ["note"] = "Please check the figure against the survey results.",
            ["owner"] = "Alex Morgan",
        };
    }
}

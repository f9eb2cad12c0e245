using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Messages;

/// <summary>
/// The one way anything in Waymark tells a person something: an in-app notice, and, when e-mail is configured and the
/// person has an address, an e-mail written to the outbox from the organisation's template. Pages only ever write
/// here; the scheduler sends.
/// </summary>
public sealed class Notices(WaymarkDbContext db, MailSettings mail, TimeProvider clock)
{
    /// <summary>
    /// Records a notice for a person and enqueues its e-mail, and saves. <paramref name="placeholders"/> gives the
    /// template's values; <c>person</c>, <c>organisation</c> and <c>link</c> are filled in here. A
    /// <paramref name="reference"/> tells apart notices of one kind to one person on one day (a query on each of two
    /// values); without one, a second notice of the kind that day is not written again.
    /// </summary>
    /// <returns>The notice, or null when the same notice was already written (the idempotency key).</returns>
    public async Task<Notice?> SendAsync(int organisationId, int personId, NoticeKind kind, Placeholders placeholders, string? link,
        string? reference = null, CancellationToken ct = default)
    {
        var notice = await StageAsync(organisationId, personId, kind, placeholders, link, reference, ct);
        if (notice is null)
        {
            return null;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Written meanwhile by another node or run: that one stands.
            db.ChangeTracker.Clear();
            return null;
        }

        return notice;
    }

    /// <summary>
    /// Adds the notice and its e-mail to the context without saving, so that they are saved with the change they report
    /// (a query and its notice in one transaction).
    /// </summary>
    public async Task<Notice?> StageAsync(int organisationId, int personId, NoticeKind kind, Placeholders placeholders, string? link,
        string? reference = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(placeholders);
        var organisation = db.Scope.Organisation is { } entered && entered.Id == organisationId
            ? entered
            : throw new InvalidOperationException($"Notices are sent inside their organisation's scope ({organisationId}).");
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var key = IdempotencyKey(kind, personId, organisation.Today(clock), reference);
        if (await db.Notices.AnyAsync(n => n.IdempotencyKey == key, ct)
            || db.ChangeTracker.Entries<Notice>().Any(e => e.Entity.IdempotencyKey == key))
        {
            return null;
        }

        var values = new Placeholders();
        foreach (var (name, value) in placeholders)
        {
            values[name] = value;
        }

        values.TryAdd("person", person.Name);
        values.TryAdd("organisation", organisation.Name);
        values["link"] = link is null ? string.Empty : mail.Absolute(link);
        var (subject, body) = await TemplateAsync(kind, ct);
        var rendered = MessageTemplateRules.Render(subject, body, values);
        var now = clock.GetUtcNow();
        var notice = new Notice
        {
            OrganisationId = organisationId,
            PersonId = personId,
            Kind = kind,
            Text = Shorten(rendered.Subject, NoticeLimits.TextMaxLength),
            Link = link is null ? null : Shorten(link, NoticeLimits.LinkMaxLength),
            CreatedAt = now,
            IdempotencyKey = key,
        };
        db.Notices.Add(notice);
        if (mail.IsConfigured && await AddressAsync(personId, ct) is { } address)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                OrganisationId = organisationId,
                PersonId = personId,
                ToName = Shorten(person.Name, MessageLimits.NameMaxLength),
                ToAddress = address,
                Kind = kind,
                Subject = Shorten(rendered.Subject, MessageLimits.SubjectMaxLength),
                TextBody = Shorten(rendered.Text, MessageLimits.BodyMaxLength),
                HtmlBody = rendered.Html.Length <= MessageLimits.HtmlMaxLength
                    ? rendered.Html
                    : MessageTemplateRules.Html(Shorten(rendered.Text, MessageLimits.HtmlMaxLength / 6)),
                CreatedAt = now,
                IdempotencyKey = key,
                State = MessageState.Pending,
                NextAttemptAt = now,
            });
        }

        return notice;
    }

    /// <summary>"reminder/p12/2012-01-16", with the caller's reference when it gives one.</summary>
    public static string IdempotencyKey(NoticeKind kind, int personId, DateOnly day, string? reference = null)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{kind.Slug()}/p{personId}/{day:yyyy-MM-dd}");
        return reference is null ? key : Shorten($"{key}/{reference}", MessageLimits.KeyMaxLength);
    }

    /// <summary>The subject and body the organisation uses for a kind: its own template, or the default.</summary>
    public async Task<(string Subject, string Body)> TemplateAsync(NoticeKind kind, CancellationToken ct = default)
    {
        var own = await db.MessageTemplates.AsNoTracking().Where(t => t.Kind == kind)
            .Select(t => new { t.Subject, t.Body }).SingleOrDefaultAsync(ct);
        return own is null ? TemplateDefaults.For(kind) : (own.Subject, own.Body);
    }

    /// <summary>The e-mail address of the person's account in this organisation (an enabled account with one), or null.</summary>
    public async Task<string?> AddressAsync(int personId, CancellationToken ct = default) =>
        await db.Memberships.Where(m => m.PersonId == personId && m.User!.Email != null && !m.User.IsDisabled)
            .OrderBy(m => m.Id).Select(m => m.User!.Email).FirstOrDefaultAsync(ct);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

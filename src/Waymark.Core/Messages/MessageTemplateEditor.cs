using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Messages;

/// <summary>A template as typed: its subject and plain text.</summary>
public sealed record MessageTemplateInput(string? Subject, string? Body);

public static class MessageTemplateFields
{
    public const string Subject = "subject";
    public const string Body = "body";
}

/// <summary>
/// Changes the organisation's wording of a kind of message, or resets it to Waymark's: administrators only; every
/// placeholder must be one Waymark knows (<see cref="MessageTemplateRules"/>).
/// </summary>
public sealed class MessageTemplateEditor(WaymarkDbContext db)
{
    public const string NotAllowed = "Only administrators can change the message templates.";

    /// <summary>The template in use for the kind: the organisation's own (tracked by its version), or the default (Id 0).</summary>
    public async Task<EditResult<MessageTemplate>> OpenAsync(Actor? actor, NoticeKind kind, CancellationToken ct = default) =>
        !Permissions.CanManageMessages(actor) ? EditResult<MessageTemplate>.Forbidden(NotAllowed)
            : EditResult<MessageTemplate>.Done(await CurrentAsync(kind, ct));

    public async Task<EditResult<MessageTemplate>> SaveAsync(Actor? actor, NoticeKind kind, Guid? version, MessageTemplateInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageMessages(actor))
        {
            return EditResult<MessageTemplate>.Forbidden(NotAllowed);
        }

        var fields = new FieldReader();
        var subject = fields.Text(input.Subject, MessageTemplateFields.Subject, "subject", MessageTemplateLimits.SubjectMaxLength, required: true);
        // The body keeps its own line breaks and blank lines: they are the message's paragraphs.
        var body = fields.Text(input.Body, MessageTemplateFields.Body, "message", MessageTemplateLimits.BodyMaxLength, required: true);
        if (subject is not null && MessageTemplateRules.Problem(subject, "subject") is { } subjectProblem)
        {
            fields.Fail(MessageTemplateFields.Subject, subjectProblem);
        }

        if (body is not null && MessageTemplateRules.Problem(body, "message") is { } bodyProblem)
        {
            fields.Fail(MessageTemplateFields.Body, bodyProblem);
        }

        if (fields.HasErrors)
        {
            return EditResult<MessageTemplate>.Invalid(fields.Errors);
        }

        var own = await db.MessageTemplates.SingleOrDefaultAsync(t => t.Kind == kind, ct);
        if (own is null)
        {
            own = new MessageTemplate { OrganisationId = db.Scope.RequireId(), Kind = kind, Subject = subject!, Body = body! };
            db.MessageTemplates.Add(own);
            try
            {
                return await db.SaveVersionedAsync(own, null, c => CurrentOwnAsync(kind, c), ct: ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                return await VersionedSave.ConflictAsync(c => CurrentOwnAsync(kind, c), ct);
            }
        }

        return await db.SaveVersionedAsync(own, version ?? Guid.Empty, c => CurrentOwnAsync(kind, c), () =>
        {
            own.Subject = subject!;
            own.Body = body!;
        }, ct);
    }

    /// <summary>Back to Waymark's wording: the organisation's own template is deleted.</summary>
    public async Task<EditResult<MessageTemplate>> ResetAsync(Actor? actor, NoticeKind kind, CancellationToken ct = default)
    {
        if (!Permissions.CanManageMessages(actor))
        {
            return EditResult<MessageTemplate>.Forbidden(NotAllowed);
        }

        var own = await db.MessageTemplates.SingleOrDefaultAsync(t => t.Kind == kind, ct);
        if (own is not null)
        {
            db.MessageTemplates.Remove(own);
            await db.SaveChangesAsync(ct);
        }

        return EditResult<MessageTemplate>.Done(Default(kind));
    }

    private async Task<MessageTemplate> CurrentAsync(NoticeKind kind, CancellationToken ct) =>
        await CurrentOwnAsync(kind, ct) ?? Default(kind);

    private Task<MessageTemplate?> CurrentOwnAsync(NoticeKind kind, CancellationToken ct) =>
        db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind, ct);

    private MessageTemplate Default(NoticeKind kind)
    {
        var (subject, body) = TemplateDefaults.For(kind);
        return new MessageTemplate { OrganisationId = db.Scope.RequireId(), Kind = kind, Subject = subject, Body = body };
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Organisations;

/// <summary>
/// The organisation's settings as the form sends them: numbers as typed, so that a wrong one can be named; the date it
/// runs as at (demonstration and training organisations; empty for a real one) as read from its date input.
/// </summary>
public sealed record OrganisationSettingsInput(string? Name, string? ShortName, string? StartMonth, bool PublishFramework, string? ValuesDueDays, DateOnly? AsAt)
{
    /// <summary>The R/A/G key in the organisation's words (blank lines for Waymark's); null leaves the key as it is.</summary>
    public RagKeyInput? RagKey { get; init; }

    /// <summary>The commentary rules (<see cref="CommentaryRules"/>); null leaves them as they are.</summary>
    public CommentaryRule? Commentary { get; init; }
}

/// <summary>An R/A/G key as typed: its title, a note under it, and what Red, Amber and Green mean.</summary>
public sealed record RagKeyInput(string? Title, string? Note, string? Red, string? Amber, string? Green);

/// <summary>The settings form's field ids, which errors are reported against.</summary>
public static class OrganisationFields
{
    public const string Name = "name";
    public const string ShortName = "short-name";
    public const string YearStartMonth = "year-start-month";
    public const string ValuesDueDays = "values-due-days";
    public const string AsAt = "as-at";
    public const string RagKeyTitle = "rag-key-title";
    public const string RagKeyNote = "rag-key-note";
    public const string RagKeyRed = "rag-key-red";
    public const string RagKeyAmber = "rag-key-amber";
    public const string RagKeyGreen = "rag-key-green";
}

/// <summary>
/// Changes the settings of the organisation being worked in: only for administrators
/// (<see cref="Permissions.CanManageOrganisation"/>); validated; a stale version refused; audited by the DbContext.
/// </summary>
public sealed class OrganisationEditor(WaymarkDbContext db, TimeProvider clock)
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 60;

    /// <summary>The most days after a period's end that values may fall due: a year.</summary>
    public const int MaxValuesDueDays = 365;

    /// <summary>The earliest date an organisation may run as at, so that a mistyped year ("0212") is caught.</summary>
    public static readonly DateOnly EarliestAsAt = new(2000, 1, 1);

    public const string NotAllowed = "Only administrators can change the organisation's settings.";

    /// <summary>The check before the settings form is shown: the organisation as saved now, untracked.</summary>
    public async Task<EditResult<Organisation>> OpenAsync(Actor? actor, CancellationToken ct = default) =>
        !Permissions.CanManageOrganisation(actor) ? EditResult<Organisation>.Forbidden(NotAllowed)
            : await CurrentAsync(ct) is { } organisation ? EditResult<Organisation>.Done(organisation)
            : EditResult<Organisation>.NotFound();

    public async Task<EditResult<Organisation>> UpdateSettingsAsync(Actor? actor, Guid version, OrganisationSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageOrganisation(actor))
        {
            return EditResult<Organisation>.Forbidden(NotAllowed);
        }

        var fields = new FieldReader();
        var name = FieldReader.Clean(input.Name);
        if (name is null)
        {
            fields.Fail(OrganisationFields.Name, "Enter the organisation's name");
        }

        fields.Text(input.Name, OrganisationFields.Name, "name", NameMaxLength);
        var shortName = fields.Text(input.ShortName, OrganisationFields.ShortName, "short name", ShortNameMaxLength, required: true);
        var month = Number(input.StartMonth);
        if (month is not (>= 1 and <= 12))
        {
            fields.Fail(OrganisationFields.YearStartMonth, "Select the month the financial year starts in");
        }

        var dueDays = Number(input.ValuesDueDays);
        if (FieldReader.Clean(input.ValuesDueDays) is null)
        {
            fields.Fail(OrganisationFields.ValuesDueDays, "Enter how many days after a period ends its values fall due");
        }
        else if (dueDays is null)
        {
            // "-1" is not a whole number this reads, but the person needs the range as much as the form.
            fields.Fail(OrganisationFields.ValuesDueDays, input.ValuesDueDays!.Trim().StartsWith('-')
                ? DueDaysRange
                : $"The number of days must be a whole number from 0 to {MaxValuesDueDays}, like 30");
        }
        else if (dueDays > MaxValuesDueDays)
        {
            fields.Fail(OrganisationFields.ValuesDueDays, DueDaysRange);
        }

        if (input.AsAt is { } asAt && (asAt < EarliestAsAt || asAt > Periods.UkCalendar.Today(clock)))
        {
            fields.Fail(OrganisationFields.AsAt, asAt < EarliestAsAt
                ? "The date it runs as at must be 1 January 2000 or later"
                : "The date it runs as at must be today or in the past");
        }

        var key = input.RagKey;
        var keyTitle = fields.Text(key?.Title, OrganisationFields.RagKeyTitle, "key's title", Plans.RagKey.TitleMaxLength);
        var keyNote = fields.Text(key?.Note, OrganisationFields.RagKeyNote, "note under the key", Plans.RagKey.TitleMaxLength);
        var keyRed = fields.Text(key?.Red, OrganisationFields.RagKeyRed, "meaning of Red", Plans.RagKey.MeaningMaxLength);
        var keyAmber = fields.Text(key?.Amber, OrganisationFields.RagKeyAmber, "meaning of Amber", Plans.RagKey.MeaningMaxLength);
        var keyGreen = fields.Text(key?.Green, OrganisationFields.RagKeyGreen, "meaning of Green", Plans.RagKey.MeaningMaxLength);
        if (fields.HasErrors)
        {
            return EditResult<Organisation>.Invalid(fields.Errors);
        }

        // The scope's copy is not tracked; the change goes through one that is.
        var id = db.Scope.RequireId();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id, ct);
        return await db.SaveVersionedAsync(organisation, version, CurrentAsync, () =>
        {
            organisation.Name = name!;
            organisation.ShortName = shortName!;
            organisation.YearStartMonth = month!.Value;
            organisation.PublishFramework = input.PublishFramework;
            organisation.ValuesDueDays = dueDays!.Value;
            organisation.AsAt = input.AsAt;
            if (input.Commentary is { } rule)
            {
                organisation.CommentaryWhenRedOrAmber = rule.CommentaryWhenRedOrAmber;
                organisation.RemedialWhenRed = rule.RemedialWhenRed;
            }

            if (key is not null)
            {
                organisation.RagKeyTitle = keyTitle;
                organisation.RagKeyNote = keyNote;
                organisation.RagKeyRed = keyRed;
                organisation.RagKeyAmber = keyAmber;
                organisation.RagKeyGreen = keyGreen;
            }
        }, ct);
    }

    private Task<Organisation?> CurrentAsync(CancellationToken ct)
    {
        var id = db.Scope.RequireId();
        return db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
    }

    private static string DueDaysRange => $"The number of days must be between 0 and {MaxValuesDueDays}";

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

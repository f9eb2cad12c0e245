using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Audit;

/// <summary>
/// The filters shared by the audit page and its CSV download: bound from the query string, checked
/// with GOV.UK messages, and turned into an <see cref="AuditFilter"/>.
/// </summary>
public abstract class AuditFilterModel(OrganisationScope scope) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? AuditAction { get; set; }

    [BindProperty(SupportsGet = true, Name = "from-day")]
    public string? FromDay { get; set; }

    [BindProperty(SupportsGet = true, Name = "from-month")]
    public string? FromMonth { get; set; }

    [BindProperty(SupportsGet = true, Name = "from-year")]
    public string? FromYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "to-day")]
    public string? ToDay { get; set; }

    [BindProperty(SupportsGet = true, Name = "to-month")]
    public string? ToMonth { get; set; }

    [BindProperty(SupportsGet = true, Name = "to-year")]
    public string? ToYear { get; set; }

    /// <summary>Field id → message, for the error summary.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public DateReading From { get; private set; } = new(null, null, DateReading.NoFields);

    public DateReading To { get; private set; } = new(null, null, DateReading.NoFields);

    /// <summary>
    /// Administrators also see the entries that belong to no organisation (such as failed sign-ins
    /// with a name nobody has): they are the ones who act on them.
    /// </summary>
    public bool IncludeUnassigned => SeesUnassigned(Actor);

    internal static bool SeesUnassigned(Actor? actor) => Permissions.CanViewUnassignedAudit(actor);

    /// <summary>Checks the dates; null when they are wrong (the errors are in <see cref="Errors"/>).</summary>
    protected AuditFilter? ReadFilter()
    {
        From = DateReading.Read(new DateParts(FromDay, FromMonth, FromYear), "Date from");
        To = DateReading.Read(new DateParts(ToDay, ToMonth, ToYear), "Date to");
        if (From.Error is { } fromError)
        {
            Errors[From.FirstFieldId("from")!] = fromError;
        }

        if (To.Error is { } toError)
        {
            Errors[To.FirstFieldId("to")!] = toError;
        }
        else if (From.Date is { } f && To.Date is { } t && t < f)
        {
            To = To with { Error = "Date to must be the same as or after date from", FieldsInError = DateReading.AllFields };
            Errors["to-day"] = To.Error!;
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new AuditFilter(
            Person: string.IsNullOrWhiteSpace(Person) ? null : Person.Trim(),
            EntityType: string.IsNullOrWhiteSpace(EntityType) ? null : EntityType,
            Action: string.IsNullOrWhiteSpace(AuditAction) ? null : AuditAction,
            From: From.Date is { } from ? UkTime.StartOfDay(from) : null,
            Before: To.Date is { } to ? UkTime.StartOfDay(to.AddDays(1)) : null);
    }

    /// <summary>The current filters as query-string values (empty ones left out), for links.</summary>
    public Dictionary<string, string?> FilterValues() => new Dictionary<string, string?>
    {
        ["person"] = Person, ["type"] = EntityType, ["action"] = AuditAction,
        ["from-day"] = FromDay, ["from-month"] = FromMonth, ["from-year"] = FromYear,
        ["to-day"] = ToDay, ["to-month"] = ToMonth, ["to-year"] = ToYear,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value);

    public string Link(string path, int? page = null)
    {
        var values = FilterValues();
        if (page is > 1)
        {
            values["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values);
    }
}

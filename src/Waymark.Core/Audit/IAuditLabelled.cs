namespace Waymark.Core.Audit;

/// <summary>
/// A record the audit trail describes: the entry's summary is what a person reading the trail recognises the record by
/// ("NI 4 Number of people …", "NI 4, Q4 2011/12", "A1 Set up user groups"). Every audited entity has one, beside its
/// data (a test holds every entity type of the model to it).
/// </summary>
public interface IAuditLabelled
{
    /// <summary>
    /// Navigations the label reads (for instance a value's indicator, for its code). When one is not loaded, the trail
    /// loads it before it writes the label.
    /// </summary>
    IEnumerable<string> AuditLabelReads => [];

    /// <param name="yearStartMonth">The organisation's year start, for periods written as its people write them.</param>
    string? AuditLabel(int yearStartMonth);
}

using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Core.Rounds;

/// <summary>
/// A change an organisation makes to the England and Wales bank holidays its deadlines skip (<see cref="WorkingDays"/>):
/// a day added (a local closure, a holiday declared after this release), or a default day removed (the organisation works
/// it).
/// </summary>
public class BankHolidayChange : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>True: the day is a holiday for the organisation; false: a default bank holiday it works.</summary>
    public bool IsHoliday { get; set; }

    /// <summary>What the day is ("Council closure day"), for an added day.</summary>
    public string? Name { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        IsHoliday
            ? $"Bank holiday added: {WorkingDays.Describe(Date)}{(Name is null ? "" : $" ({Name})")}"
            : $"Bank holiday removed: {WorkingDays.Describe(Date)}";
}

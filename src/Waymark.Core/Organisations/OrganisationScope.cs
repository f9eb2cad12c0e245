namespace Waymark.Core.Organisations;

/// <summary>
/// The organisation the current request or command works in. Set once, early (from the URL or a
/// command option); the DbContext's query filters read it, so a query never sees another
/// organisation's rows unless it says <c>IgnoreQueryFilters()</c> on purpose.
/// </summary>
public sealed class OrganisationScope
{
    public int? OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public void Enter(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (OrganisationId is { } current && current != organisation.Id)
        {
            throw new InvalidOperationException(
                $"This scope is already in organisation {current}; it cannot move to {organisation.Id}.");
        }

        OrganisationId = organisation.Id;
        Organisation = organisation;
    }

    /// <summary>
    /// Works in <paramref name="organisation"/> until the result is disposed, then returns to where the scope was: for the
    /// demo loader, which builds several councils in one context and runs each council's editors in its own scope.
    /// </summary>
    internal IDisposable Visit(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var (id, entered) = (OrganisationId, Organisation);
        OrganisationId = organisation.Id;
        Organisation = organisation;
        return new Leave(() => (OrganisationId, Organisation) = (id, entered));
    }

    private sealed class Leave(Action back) : IDisposable
    {
        public void Dispose() => back();
    }

    /// <summary>
    /// Today for the organisation being worked in (its "runs as at" date when it has one), or the date in the UK when
    /// none is chosen. Every deadline, "overdue", "missing" and "this quarter" starts from it.
    /// </summary>
    public DateOnly Today(TimeProvider clock) => Organisation?.Today(clock) ?? Periods.UkCalendar.Today(clock);

    public int RequireId() =>
        OrganisationId ?? throw new InvalidOperationException("No organisation has been chosen for this request.");
}

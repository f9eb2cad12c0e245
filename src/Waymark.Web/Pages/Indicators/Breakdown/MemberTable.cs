namespace Waymark.Web.Pages.Indicators.Breakdown;

/// <summary>The units or the places of the set-up form: a tick and an owner for each, named <paramref name="Name"/>[i].</summary>
public sealed record MemberTable(
    string Stem, string Name, string Caption, IReadOnlyList<MemberChoice> Choices, IReadOnlyList<SelectOption> Posts);

using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin;

/// <summary>The role radios (_RoleRadios.cshtml): the posted value, kept on error, and its message.</summary>
public sealed record RoleRadios(string? Value, string? Error);

/// <summary>The unit select (_UnitSelect.cshtml): "" is the whole organisation.</summary>
public sealed record UnitSelect(IReadOnlyList<Choice> Units, string? Value, string? Error);

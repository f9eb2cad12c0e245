using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin.Users;

/// <summary>One member: their details, their role, unit and person here, and enabling the account.</summary>
public class UserModel(OrganisationScope scope, WaymarkDbContext db, MemberAdministration members, AccountAdministration accounts)
    : OrganisationPageModel(scope)
{
    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? UnitId { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    /// <summary>The membership's version when the form was shown: a save over someone else's change is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    // What the form showed, so that a refused save can say what someone else changed.
    [BindProperty]
    public string? OriginalRole { get; set; }

    [BindProperty]
    public string? OriginalUnitId { get; set; }

    [BindProperty]
    public string? OriginalPersonId { get; set; }

    public Membership Member { get; private set; } = null!;

    public IReadOnlyList<Choice> Units { get; private set; } = [];

    public IReadOnlyList<Choice> People { get; private set; } = [];

    [TempData]
    public string? Notification { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        ShowCurrent(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        var role = NewModel.ParseRole(Role);
        if (role is null)
        {
            Errors["role"] = "Select a role";
        }

        var unitId = NewModel.ParseId(UnitId);
        if (!string.IsNullOrEmpty(UnitId) && (unitId is null || !await members.UnitExistsAsync(unitId.Value, ct)))
        {
            Errors["unit"] = "Select a unit from the list";
        }

        var personId = NewModel.ParseId(PersonId);
        if (!string.IsNullOrEmpty(PersonId) && (personId is null || !await members.PersonExistsAsync(personId.Value, ct)))
        {
            Errors["person"] = "Select a person from the list";
        }

        if (Errors.Count == 0 && member.Version != Version)
        {
            return RefuseStaleSave(member);
        }

        if (role is { } newRole && newRole != Core.Accounts.Role.Administrator && member.Role == Core.Accounts.Role.Administrator
            && (await members.LastAdministratorOfAsync(member.UserId, everywhere: false, ct)).Count > 0)
        {
            Errors["role"] = $"{Organisation.Name} must keep at least one administrator. Make someone else an administrator first";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        member.Role = role!.Value;
        member.UnitId = unitId;
        member.PersonId = personId;
        // Compare against the version the form was shown with, so a change saved meanwhile is not overwritten.
        db.Entry(member).Property(m => m.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RefuseStaleSave(await LoadAsync(id, ct) ?? member);
        }

        Notification = $"{member.User!.DisplayName}'s role and unit have been saved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        await accounts.SetDisabledAsync(member.User!, disabled: false, ct);
        Notification = $"{member.User!.DisplayName}'s account has been enabled: they can sign in again";
        return RedirectToPage(new { id });
    }

    private PageResult RefuseStaleSave(Membership current)
    {
        var changes = new List<string>();
        if (OriginalRole != current.Role.ToString())
        {
            changes.Add($"the role is now {current.Role.DisplayName()}");
        }

        if (OriginalUnitId != Id(current.UnitId))
        {
            changes.Add($"they now work in {current.Unit?.Name ?? "the whole organisation"}");
        }

        if (OriginalPersonId != Id(current.PersonId))
        {
            changes.Add(current.Person is null ? "they are now linked to nobody in the records" : $"they are now linked to {current.Person.Name}");
        }

        var what = changes.Count == 0 ? "their account was updated" : string.Join("; ", changes);
        Errors["changes"] = $"Someone else changed this user while you were editing: {what}. Your changes have not been saved yet: check them and save again";
        // The next save is against what is there now; the input stays as it was posted.
        Version = current.Version;
        OriginalRole = current.Role.ToString();
        OriginalUnitId = Id(current.UnitId);
        OriginalPersonId = Id(current.PersonId);
        return Page();
    }

    private void ShowCurrent(Membership member)
    {
        Role = OriginalRole = member.Role.ToString();
        UnitId = OriginalUnitId = Id(member.UnitId);
        PersonId = OriginalPersonId = Id(member.PersonId);
        Version = member.Version;
    }

    /// <summary>The member of this organisation with this user id (a user of another organisation is not found).</summary>
    private async Task<Membership?> LoadAsync(int userId, CancellationToken ct)
    {
        var member = await db.Memberships.Include(m => m.User).Include(m => m.Unit).Include(m => m.Person)
            .SingleOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is not null)
        {
            Member = member;
            Units = await members.UnitChoicesAsync(ct);
            People = await members.PersonChoicesAsync(ct);
        }

        return member;
    }

    private static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

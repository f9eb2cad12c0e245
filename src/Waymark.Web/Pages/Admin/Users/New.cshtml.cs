using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin.Users;

/// <summary>"Add a user": the account, its role and scope here, the person it is, and their post.</summary>
public class NewModel(OrganisationScope scope, MemberAdministration members, UserManager<User> users) : OrganisationPageModel(scope)
{
    public const string ExistingPerson = "existing";
    public const string NewPerson = "new";
    public const string NoPerson = "none";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? UnitId { get; set; }

    [BindProperty]
    public string? PersonChoice { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? PostId { get; set; }

    public IReadOnlyList<Choice> Units { get; private set; } = [];

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public IReadOnlyList<Choice> Posts { get; private set; } = [];

    /// <summary>Set once the account is made: the page then shows its one-time password, this once.</summary>
    public NewAccount? Created { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userName = UserName?.Trim() ?? string.Empty;
        var allowed = users.Options.User.AllowedUserNameCharacters;
        if (userName.Length == 0)
        {
            Errors["username"] = "Enter a username";
        }
        else if (userName.Length > 256)
        {
            Errors["username"] = "Username must be 256 characters or fewer";
        }
        else if (userName.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            Errors["username"] = "Username must only include letters, numbers, and the characters - . _ @ + '";
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            Errors["username"] = "There is already an account with this username";
        }

        var name = DisplayName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Errors["display-name"] = "Enter their name";
        }
        else if (name.Length > 200)
        {
            Errors["display-name"] = "Name must be 200 characters or fewer";
        }

        var role = ParseRole(Role);
        if (role is null)
        {
            Errors["role"] = "Select a role";
        }

        var unitId = ParseId(UnitId);
        if (!string.IsNullOrEmpty(UnitId) && (unitId is null || !await members.UnitExistsAsync(unitId.Value, ct)))
        {
            Errors["unit"] = "Select a unit from the list";
        }

        int? personId = null;
        switch (PersonChoice)
        {
            case ExistingPerson:
                personId = ParseId(PersonId);
                if (personId is null || !await members.PersonExistsAsync(personId.Value, ct))
                {
                    Errors["person-id"] = "Select the person they are from the list";
                }

                break;
            case NewPerson or NoPerson:
                break;
            default:
                Errors["person"] = "Select who they are in the organisation's records";
                break;
        }

        var postId = ParseId(PostId);
        if (!string.IsNullOrEmpty(PostId) && (postId is null || !await members.PostExistsAsync(postId.Value, ct)))
        {
            Errors["post"] = "Select a post from the list";
        }
        else if (postId is not null && PersonChoice == NoPerson)
        {
            Errors["post"] = "To give them a post, select an existing person or a new person above";
        }

        if (Errors.Count == 0)
        {
            try
            {
                Created = await members.AddAsync(
                    new NewMember(userName, name, role!.Value, unitId, personId, PersonChoice == NewPerson ? name : null, postId), ct);
                return Page();
            }
            catch (InvalidOperationException ex)
            {
                // Identity refused the account (for example a username taken a moment ago): say why, by the field.
                Errors["username"] = ex.Message.TrimEnd('.');
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Units = await members.UnitChoicesAsync(ct);
        People = await members.PersonChoicesAsync(ct);
        Posts = await members.PostChoicesAsync(ct);
    }

    internal static Role? ParseRole(string? value) =>
        Enum.TryParse<Role>(value, ignoreCase: false, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _) ? role : null;

    internal static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

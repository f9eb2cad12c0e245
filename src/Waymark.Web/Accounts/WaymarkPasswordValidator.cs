using Microsoft.AspNetCore.Identity;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity sets a password.</summary>
internal sealed class WaymarkPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = PasswordPolicy.Check(password, [user.UserName, user.DisplayName, user.Email, .. (user.Email ?? user.UserName).Split('@')]);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "Password", Description = p }).ToArray()));
    }
}

/// <summary>A disabled account cannot sign in (Identity treats it as "not allowed").</summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(!user.IsDisabled);
}

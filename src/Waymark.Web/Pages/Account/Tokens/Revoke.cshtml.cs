using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account.Tokens;

/// <summary>Asks before revoking one of your own tokens. Someone else's token is "not found", never "forbidden".</summary>
public class RevokeModel(ApiTokenService tokens, CurrentUser current, TimeProvider clock) : PageModel
{
    public ApiToken Token { get; private set; } = null!;

    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var token = (await tokens.ListAsync(current.UserId!.Value, ct)).FirstOrDefault(t => t.Id == id);
        if (token is null)
        {
            return NotFound();
        }

        Token = token;
        IsActive = token.IsActive(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(current.UserId!.Value, id, ct))
        {
            return NotFound();
        }

        return Redirect($"/account/tokens?revoked={id}");
    }
}

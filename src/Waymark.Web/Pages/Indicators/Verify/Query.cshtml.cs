using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Verify;

/// <summary>
/// A verifier queries a value back to its owner with a note (<see cref="ValueVerificationEditor.QueryAsync"/>): it
/// leaves the verify queue until the owner answers it in My updates.
/// </summary>
public class QueryModel(OrganisationScope scope, IndicatorQueries indicators, ValueVerificationQueries queries, ValueVerificationEditor editor)
    : ValueConversationPageModel(scope, indicators, queries)
{
    protected override string DefaultBackUrl => $"{OrgPath}/indicators/verify";

    public async Task<IActionResult> OnGetAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, () => editor.OpenQueryAsync(Actor, id, period, ct), ct) is { } answer)
        {
            return answer;
        }

        Version = Saved?.Version ?? Guid.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, () => editor.OpenQueryAsync(Actor, id, period, ct), ct) is { } answer)
        {
            return answer;
        }

        var result = await editor.QueryAsync(Actor, id, period, Note, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: () =>
        {
            Notification = $"Queried {Name}: it is back with its owner until they answer";
            return Redirect(BackUrl);
        }, differences: Differences);
    }
}

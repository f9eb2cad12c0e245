using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Adds a risk to the service register of one of the member's units, or (the central team) to either register.</summary>
public class NewModel(OrganisationScope scope, RiskEditor editor, RiskQueries queries, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : RiskEditPageModel(scope)
{
    [BindProperty]
    public RiskForm Form { get; set; } = new();

    public RiskChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await CheckAsync(actor => editor.OpenNewAsync(actor, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        Form.UnitId = Actor!.WholeOrganisation || Actor.UnitIds.Count == 0 ? null : Actor.UnitIds.Min();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((await CheckAsync(actor => editor.OpenNewAsync(actor, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await AnswerAsync(await editor.CreateAsync(Actor, Form.ToInput(), ct), risk => Redirect($"{RisksPath}/{risk.Id}"), () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Choices = await RiskChoices.LoadAsync(queries, framework, db, ct);
}

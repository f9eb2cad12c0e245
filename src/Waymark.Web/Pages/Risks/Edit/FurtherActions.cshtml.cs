using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Adds a further action to a risk: a plan action, or a new action with its lead, due month and R/A/G.</summary>
public class NewFurtherActionModel(OrganisationScope scope, RiskActionEditor editor, RiskControlEditor risks, RiskQueries queries, FrameworkChoiceQueries framework)
    : RiskEditPageModel(scope)
{
    [BindProperty]
    public FurtherActionForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;
    public Risk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => risks.OpenNewAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        Choices = await PartChoices.LoadAsync(framework, queries, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => risks.OpenNewAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            Choices = await PartChoices.LoadAsync(framework, queries, ct);
            return Page();
        }

        return await AnswerAsync(await editor.AddAsync(Actor, id, Form.ToInput(), ct), () => Redirect($"{RisksPath}/{id}#actions"),
            async () => Choices = await PartChoices.LoadAsync(framework, queries, ct));
    }
}

/// <summary>Changes or removes one of a risk's further actions, guarded by its version.</summary>
public class FurtherActionModel(OrganisationScope scope, RiskActionEditor editor, RiskQueries queries, FrameworkChoiceQueries framework) : RiskEditPageModel(scope)
{
    [BindProperty]
    public FurtherActionForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        var (action, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, actionId, ct), ct);
        if (action is null)
        {
            return stop!;
        }

        (Form, Version) = (FurtherActionForm.From(action, YearStartMonth), action.Version);
        Choices = await PartChoices.LoadAsync(framework, queries, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if ((await CheckAsync(actor => editor.OpenAsync(actor, id, actionId, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            Choices = await PartChoices.LoadAsync(framework, queries, ct);
            return Page();
        }

        return await AnswerAsync(await editor.UpdateAsync(Actor, id, actionId, Version, Form.ToInput(), ct), () => Redirect($"{RisksPath}/{id}#actions"),
            async () => Choices = await PartChoices.LoadAsync(framework, queries, ct),
            saved => ConflictRow.Differing(new ConflictRow("Action", saved.Text, Form.Text), new ConflictRow("Lead", saved.LeadName, Form.LeadName)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int actionId, CancellationToken ct)
    {
        if ((await CheckAsync(actor => editor.OpenAsync(actor, id, actionId, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        return await AnswerRemovalAsync(await editor.DeleteAsync(Actor, id, actionId, ct), () => Redirect($"{RisksPath}/{id}#actions"));
    }
}

using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Adds an existing control to a risk.</summary>
public class NewControlModel(OrganisationScope scope, RiskControlEditor editor, RiskQueries queries, FrameworkChoiceQueries framework) : RiskEditPageModel(scope)
{
    [BindProperty]
    public ControlForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;
    public Risk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenNewAsync(actor, id, ct), ct);
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
        var (risk, stop) = await CheckAsync(actor => editor.OpenNewAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        return await AnswerAsync(await editor.AddAsync(Actor, id, Form.ToInput(), ct), () => Redirect($"{RisksPath}/{id}#controls"),
            async () => Choices = await PartChoices.LoadAsync(framework, queries, ct));
    }
}

/// <summary>Changes or removes one of a risk's controls, guarded by its version.</summary>
public class ControlModel(OrganisationScope scope, RiskControlEditor editor, RiskQueries queries, FrameworkChoiceQueries framework) : RiskEditPageModel(scope)
{
    [BindProperty]
    public ControlForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;
    public RiskControl Control { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int controlId, CancellationToken ct)
    {
        var (control, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, controlId, ct), ct);
        if (control is null)
        {
            return stop!;
        }

        (Control, Form, Version) = (control, ControlForm.From(control), control.Version);
        Choices = await PartChoices.LoadAsync(framework, queries, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int controlId, CancellationToken ct)
    {
        var (control, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, controlId, ct), ct);
        if (control is null)
        {
            return stop!;
        }

        Control = control;
        return await AnswerAsync(await editor.UpdateAsync(Actor, id, controlId, Version, Form.ToInput(), ct), () => Redirect($"{RisksPath}/{id}#controls"),
            async () => Choices = await PartChoices.LoadAsync(framework, queries, ct),
            saved => ConflictRow.Differing(new ConflictRow("Control", saved.Description, Form.Description),
                new ConflictRow("Effectiveness", RiskWords.Text(saved.Effectiveness), Form.Effectiveness is { } e ? RiskWords.Text(e) : null)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int controlId, CancellationToken ct)
    {
        if ((await CheckAsync(actor => editor.OpenAsync(actor, id, controlId, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        return await AnswerRemovalAsync(await editor.DeleteAsync(Actor, id, controlId, ct), () => Redirect($"{RisksPath}/{id}#controls"));
    }
}

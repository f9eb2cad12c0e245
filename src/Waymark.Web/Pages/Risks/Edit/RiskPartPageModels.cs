using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>A form of a risk's part as the page binds it: what it gives the editor.</summary>
public interface IPartForm<out TInput>
{
    TInput ToInput();
}

/// <summary>
/// The page that adds a part (a control, a further action) to a risk: the risk's own check before the form is shown
/// or taken, then the editor's answer; back to the risk's section of that part.
/// </summary>
public abstract class NewRiskPartModel<TForm, TInput, TPart>(OrganisationScope scope, RiskPartEditor<TPart, TInput> parts, RiskQueries queries,
    FrameworkChoiceQueries framework) : RiskEditPageModel(scope)
    where TForm : class, IPartForm<TInput>, new()
    where TInput : class
    where TPart : class, IRiskPart
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;
    public Risk Risk { get; private set; } = null!;

    /// <summary>What the plan-action search asked for (<c>?q=</c>), narrowing the plan actions offered.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The plan action chosen on the form, offered whatever the search.</summary>
    protected virtual int? ChosenPlanAction => null;

    /// <summary>The section of the risk's page the part is listed in.</summary>
    protected abstract string Section { get; }

    protected abstract Task<EditResult<TPart>> AddAsync(int riskId, TInput input, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => parts.OpenNewAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        Choices = await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => parts.OpenNewAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            Choices = await LoadChoicesAsync(ct);
            return Page();
        }

        return await AnswerAsync(await AddAsync(id, Form.ToInput(), ct), () => Redirect($"{RisksPath}/{id}#{Section}"),
            async () => Choices = await LoadChoicesAsync(ct));
    }

    private Task<PartChoices> LoadChoicesAsync(CancellationToken ct) =>
        PartChoices.LoadAsync(framework, queries, Search, Risk.UnitId, ChosenPlanAction, ct);
}

/// <summary>
/// The page that changes or removes one of a risk's parts, guarded by its version. Each page keeps its own handlers
/// (their route values are named after the part) and passes them here.
/// </summary>
public abstract class RiskPartModel<TForm, TPart>(OrganisationScope scope, RiskQueries queries, FrameworkChoiceQueries framework) : RiskEditPageModel(scope)
    where TForm : class, new()
    where TPart : class, IRiskPart
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    public PartChoices Choices { get; private set; } = null!;

    /// <summary>What the plan-action search asked for (<c>?q=</c>), narrowing the plan actions offered.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The plan action chosen on the form, offered whatever the search.</summary>
    protected virtual int? ChosenPlanAction => null;

    protected abstract string Section { get; }

    protected abstract Task<EditResult<TPart>> OpenAsync(Actor? actor, int riskId, int partId, CancellationToken ct);

    protected abstract Task<EditResult<TPart>> UpdateAsync(int riskId, int partId, CancellationToken ct);

    protected abstract Task<EditResult<TPart>> DeleteAsync(int riskId, int partId, CancellationToken ct);

    protected abstract TForm FormOf(TPart part);

    /// <summary>What differs between the part someone else saved and this form, for the conflict message.</summary>
    protected abstract IReadOnlyList<ConflictRow> Differences(TPart saved);

    protected async Task<IActionResult> ShowAsync(int id, int partId, CancellationToken ct)
    {
        var (part, stop) = await CheckAsync(actor => OpenAsync(actor, id, partId, ct), ct);
        if (part is null)
        {
            return stop!;
        }

        (Form, Version) = (FormOf(part), part.Version);
        Choices = await LoadChoicesAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(int id, int partId, CancellationToken ct)
    {
        if ((await CheckAsync(actor => OpenAsync(actor, id, partId, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            Choices = await LoadChoicesAsync(ct);
            return Page();
        }

        return await AnswerAsync(await UpdateAsync(id, partId, ct), () => Redirect($"{RisksPath}/{id}#{Section}"),
            async () => Choices = await LoadChoicesAsync(ct), Differences);
    }

    private Task<PartChoices> LoadChoicesAsync(CancellationToken ct) =>
        PartChoices.LoadAsync(framework, queries, Search, null, ChosenPlanAction, ct);

    protected async Task<IActionResult> RemoveAsync(int id, int partId, CancellationToken ct)
    {
        if ((await CheckAsync(actor => OpenAsync(actor, id, partId, ct), ct)).Stop is { } stop)
        {
            return stop;
        }

        return await AnswerRemovalAsync(await DeleteAsync(id, partId, ct), () => Redirect($"{RisksPath}/{id}#{Section}"));
    }
}

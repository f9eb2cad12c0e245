using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Admin;

/// <summary>
/// The risk matrix's settings (administrators): its size, level names and descriptors, impact criteria per type, score
/// bands with colours and review intervals, categories with appetite, and the escalation score. A change that alters
/// what scores mean asks first, saying how many open risks will need re-assessing.
/// </summary>
public class RiskMatrixModel(OrganisationScope scope, RiskMatrixEditor editor, RiskMatrixQueries queries) : EditorPageModel(scope)
{
    [BindProperty]
    public RiskMatrixForm Form { get; set; } = new();

    [BindProperty]
    public string? LikelihoodLevels { get; set; }

    [BindProperty]
    public string? ImpactLevels { get; set; }

    [BindProperty]
    public bool ConfirmResize { get; set; }

    public RiskMatrix Matrix { get; private set; } = null!;
    public int OpenRisks { get; private set; }

    /// <summary>Which form was posted, so that the confirmation is asked in that form.</summary>
    public bool ResizePosted { get; private set; }

    public bool Saved => Request.Query.ContainsKey("saved");

    public static IReadOnlyList<int> Sizes { get; } = [.. Enumerable.Range(RiskLimits.MinLevels, RiskLimits.MaxLevels - RiskLimits.MinLevels + 1)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), ct);
        if (open.Record is not { } matrix)
        {
            return await AnswerAsync(open, _ => Page());
        }

        await ShowAsync(matrix, ct);
        Form = RiskMatrixForm.From(matrix).WithBlankRows(matrix.ImpactLevels);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), ct);
        if (open.Record is null)
        {
            return await AnswerAsync(open, _ => Page());
        }

        var result = await editor.SaveAsync(Actor, Version, Form.ToInput(), ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/admin/risk-matrix?saved=1"), async () =>
        {
            var version = Version;
            await ShowAsync(await queries.MatrixAsync(ct), ct);
            Version = version;
            Form.WithBlankRows(Matrix.ImpactLevels);
        });
    }

    public async Task<IActionResult> OnPostResizeAsync(CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), ct);
        if (open.Record is null)
        {
            return await AnswerAsync(open, _ => Page());
        }

        ResizePosted = true;
        var result = await editor.ResizeAsync(Actor, Version, LikelihoodLevels, ImpactLevels, ConfirmResize, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/admin/risk-matrix?saved=1"), async () =>
        {
            var (version, likelihood, impact) = (Version, LikelihoodLevels, ImpactLevels);
            var matrix = await queries.MatrixAsync(ct);
            await ShowAsync(matrix, ct);
            (Version, LikelihoodLevels, ImpactLevels) = (version, likelihood, impact);
            Form = RiskMatrixForm.From(matrix).WithBlankRows(matrix.ImpactLevels);
        });
    }

    private async Task ShowAsync(RiskMatrix matrix, CancellationToken ct)
    {
        Matrix = matrix;
        Version = matrix.Version;
        LikelihoodLevels ??= $"{matrix.LikelihoodLevels}";
        ImpactLevels ??= $"{matrix.ImpactLevels}";
        OpenRisks = await queries.OpenRiskCountAsync(ct);
    }

    public static IReadOnlyList<SelectOption> Colours { get; } =
        [.. Enum.GetValues<RiskBandColour>().Select(c => new SelectOption(c.ToString(), RiskWords.Text(c)))];
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>
/// Changes the organisation's risk matrix (administrators). A change to what the scores mean — the size, a level, an
/// impact criterion or a band — sends every open risk back for re-assessment, and is saved only once the person has
/// been told how many ("12 open risks will need re-assessing") and confirmed. Categories, appetite and the escalation
/// score change without re-assessment.
/// </summary>
public sealed class RiskMatrixEditor(WaymarkDbContext db)
{
    public const string WhyCannotManage = "Only administrators can change the risk matrix.";

    /// <summary>The check a page makes before showing the matrix's forms: the matrix (or the default), if the actor may change it.</summary>
    public async Task<EditResult<RiskMatrix>> OpenAsync(Actor? actor, CancellationToken ct = default) =>
        Permissions.CanManageRiskMatrix(actor)
            ? EditResult<RiskMatrix>.Done(await new RiskMatrixQueries(db).MatrixAsync(ct))
            : EditResult<RiskMatrix>.Forbidden(WhyCannotManage);

    /// <summary>
    /// Changes the size (4×4, 5×5 …): the levels, impact criteria and bands become the defaults of the new size, and the
    /// appetite and escalation score with them; every open risk needs re-assessing.
    /// </summary>
    public async Task<EditResult<RiskMatrix>> ResizeAsync(Actor? actor, Guid? version, string? likelihoodLevels, string? impactLevels,
        bool confirmReassessment, CancellationToken ct = default)
    {
        if (!Permissions.CanManageRiskMatrix(actor))
        {
            return EditResult<RiskMatrix>.Forbidden(WhyCannotManage);
        }

        var read = new FieldReader();
        var likelihood = RiskNumbers.Whole(read, likelihoodLevels, RiskFields.LikelihoodLevels, "number of likelihood levels", RiskLimits.MinLevels, RiskLimits.MaxLevels, true);
        var impact = RiskNumbers.Whole(read, impactLevels, RiskFields.ImpactLevels, "number of impact levels", RiskLimits.MinLevels, RiskLimits.MaxLevels, true);
        if (read.HasErrors)
        {
            return EditResult<RiskMatrix>.Invalid(read.Errors);
        }

        var matrix = await ProvideAsync(db, actor!.OrganisationId, ct);
        if (matrix.LikelihoodLevels == likelihood && matrix.ImpactLevels == impact)
        {
            return EditResult<RiskMatrix>.Done(matrix);
        }

        var open = await OpenRisksAsync(ct);
        if (open.Count > 0 && !confirmReassessment)
        {
            return EditResult<RiskMatrix>.Invalid(RiskFields.ConfirmReassessment, Reassessing(open.Count));
        }

        var defaults = RiskMatrixDefaults.Create(likelihood!.Value, impact!.Value);
        return await db.SaveVersionedAsync(matrix, version, Current, () =>
        {
            matrix.LikelihoodLevels = defaults.LikelihoodLevels;
            matrix.ImpactLevels = defaults.ImpactLevels;
            matrix.EscalationScore = defaults.EscalationScore;
            Replace(matrix.Levels, defaults.Levels, matrix.OrganisationId);
            Replace(matrix.ImpactTypes, defaults.ImpactTypes, matrix.OrganisationId);
            Replace(matrix.Bands, defaults.Bands, matrix.OrganisationId);
            foreach (var category in matrix.Categories)
            {
                category.AppetiteScore = defaults.Categories[0].AppetiteScore;
            }

            open.ForEach(r => r.NeedsReassessment = true);
        }, ct);
    }

    /// <summary>Saves the matrix's contents at its present size.</summary>
    public async Task<EditResult<RiskMatrix>> SaveAsync(Actor? actor, Guid? version, RiskMatrixInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageRiskMatrix(actor))
        {
            return EditResult<RiskMatrix>.Forbidden(WhyCannotManage);
        }

        var matrix = await ProvideAsync(db, actor!.OrganisationId, ct);
        var read = new FieldReader();
        var proposed = RiskMatrixReader.Read(read, matrix, input);
        if (read.HasErrors)
        {
            return EditResult<RiskMatrix>.Invalid(read.Errors);
        }

        var inUse = await db.Risks.Select(r => r.CategoryId).Distinct().ToListAsync(ct);
        if (matrix.Categories.FirstOrDefault(c => inUse.Contains(c.Id) && proposed.Categories.All(p => p.Id != c.Id)) is { } removed)
        {
            return EditResult<RiskMatrix>.Invalid(RiskFields.Categories, $"The category {removed.Name} has risks: move them to another category before removing it");
        }

        var rescored = RiskMatrixReader.ChangesScoring(matrix, proposed);
        var open = rescored ? await OpenRisksAsync(ct) : [];
        if (open.Count > 0 && !input.ConfirmReassessment)
        {
            return EditResult<RiskMatrix>.Invalid(RiskFields.ConfirmReassessment, Reassessing(open.Count));
        }

        return await db.SaveVersionedAsync(matrix, version, Current, () =>
        {
            foreach (var level in matrix.Levels)
            {
                var now = proposed.Levels.Single(l => l.Scale == level.Scale && l.Level == level.Level);
                (level.Name, level.Descriptor) = (now.Name, now.Descriptor);
            }

            Replace(matrix.ImpactTypes, proposed.ImpactTypes, matrix.OrganisationId);
            Replace(matrix.Bands, proposed.Bands, matrix.OrganisationId);
            MergeCategories(matrix, proposed.Categories);
            matrix.EscalationScore = proposed.EscalationScore;
            open.ForEach(r => r.NeedsReassessment = true);
        }, ct);
    }

    /// <summary>"12 open risks will need re-assessing": what a change of matrix means, before it is saved.</summary>
    public static string Reassessing(int openRisks) => openRisks == 1
        ? "1 open risk will need re-assessing: confirm the change to save it"
        : $"{openRisks.ToString("N0", CultureInfo.InvariantCulture)} open risks will need re-assessing: confirm the change to save it";

    /// <summary>
    /// The organisation's matrix, tracked; the default one, added to the context, when it has none yet (so that the
    /// first risk or the first change of matrix saves it).
    /// </summary>
    internal static async Task<RiskMatrix> ProvideAsync(WaymarkDbContext db, int organisationId, CancellationToken ct)
    {
        if (await RiskMatrixQueries.WithParts(db.RiskMatrices).FirstOrDefaultAsync(ct) is { } stored)
        {
            return RiskMatrixQueries.Ordered(stored);
        }

        var matrix = RiskMatrixDefaults.Create();
        Own(matrix, organisationId);
        db.RiskMatrices.Add(matrix);
        return matrix;
    }

    private Task<RiskMatrix?> Current(CancellationToken ct) =>
        RiskMatrixQueries.WithParts(db.RiskMatrices.AsNoTracking()).FirstOrDefaultAsync(ct);

    private Task<List<Risk>> OpenRisksAsync(CancellationToken ct) => db.Risks.Where(r => r.State == RiskState.Open).ToListAsync(ct);

    private static void Own(RiskMatrix matrix, int organisationId)
    {
        matrix.OrganisationId = organisationId;
        matrix.Levels.ForEach(l => l.OrganisationId = organisationId);
        matrix.Bands.ForEach(b => b.OrganisationId = organisationId);
        matrix.Categories.ForEach(c => c.OrganisationId = organisationId);
        foreach (var type in matrix.ImpactTypes)
        {
            type.OrganisationId = organisationId;
            type.Criteria.ForEach(c => c.OrganisationId = organisationId);
        }
    }

    private void Replace<T>(List<T> saved, IEnumerable<T> replacement, int organisationId)
        where T : class, Organisations.IOrganisationOwned
    {
        db.RemoveRange(saved);
        saved.Clear();
        foreach (var item in replacement)
        {
            item.OrganisationId = organisationId;
            if (item is RiskImpactType type)
            {
                type.Criteria.ForEach(c => c.OrganisationId = organisationId);
            }

            saved.Add(item);
        }
    }

    private void MergeCategories(RiskMatrix matrix, IReadOnlyList<RiskCategory> proposed)
    {
        // A default matrix's categories are not saved yet (id 0): the proposed ones replace them.
        foreach (var gone in matrix.Categories.Where(c => c.Id == 0 || proposed.All(p => p.Id != c.Id)).ToList())
        {
            db.Remove(gone);
            matrix.Categories.Remove(gone);
        }

        foreach (var category in proposed)
        {
            if (matrix.Categories.FirstOrDefault(c => c.Id == category.Id && c.Id != 0) is { } existing)
            {
                (existing.Name, existing.AppetiteScore, existing.SortOrder) = (category.Name, category.AppetiteScore, category.SortOrder);
            }
            else
            {
                category.Id = 0;
                category.OrganisationId = matrix.OrganisationId;
                matrix.Categories.Add(category);
            }
        }
    }
}

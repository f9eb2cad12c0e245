using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>Adds, changes and deletes a draft plan's narrative sections (heading and Markdown body).</summary>
public sealed class PlanSectionEditor(WaymarkDbContext db)
{
    private readonly PlanParts parts = new(db);

    /// <summary>The check a page makes before showing a section's form: the section, if the actor may change its plan and it is a draft.</summary>
    public async Task<EditResult<PlanSection>> OpenAsync(Actor? actor, int planId, int sectionId, CancellationToken ct = default)
    {
        var (section, refusal) = await parts.PartToEditAsync(actor, planId, Section(planId, sectionId), ct);
        return refusal ?? EditResult<PlanSection>.Done(section);
    }

    public async Task<EditResult<PlanSection>> AddSectionAsync(Actor? actor, int planId, SectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await parts.PlanToEditAsync<PlanSection>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = Validate(input, out var heading, out var body);
        if (read.HasErrors)
        {
            return EditResult<PlanSection>.Invalid(read.Errors);
        }

        var order = await db.PlanSections.Where(s => s.PlanId == planId).Select(s => (int?)s.SortOrder).MaxAsync(ct) ?? -1;
        var section = new PlanSection
        {
            OrganisationId = plan.OrganisationId, PlanId = planId, Key = "section-" + Guid.NewGuid().ToString("N")[..8], Heading = heading!, Body = body,
            SortOrder = order + 1,
        };
        db.PlanSections.Add(section);
        return await db.SaveVersionedAsync(section, null, parts.Current(section), null, ct);
    }

    /// <summary>Saves a section's heading and body if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<PlanSection>> UpdateSectionAsync(Actor? actor, int planId, int sectionId, Guid? version, SectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (section, refusal) = await parts.PartToChangeAsync(actor, planId, Section(planId, sectionId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = Validate(input, out var heading, out var body);
        if (read.HasErrors)
        {
            return EditResult<PlanSection>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(section, version, parts.Current(section), () =>
        {
            section.Heading = heading!;
            section.Body = body;
        }, ct);
    }

    public async Task<EditResult<PlanSection>> DeleteSectionAsync(Actor? actor, int planId, int sectionId, CancellationToken ct = default)
    {
        var (section, refusal) = await parts.PartToEditAsync(actor, planId, Section(planId, sectionId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.PlanSections.Remove(section);
        return await db.SaveVersionedAsync(section, null, parts.Current(section), null, ct);
    }

    private IQueryable<PlanSection> Section(int planId, int sectionId) => db.PlanSections.Where(s => s.Id == sectionId && s.PlanId == planId);

    private static FieldReader Validate(SectionInput input, out string? heading, out string? body)
    {
        var read = new FieldReader();
        heading = read.Text(input.Heading, PlanFields.Heading, "heading", PlanLimits.HeadingMaxLength, required: true);

        // The body keeps its own line breaks and spaces (Markdown reads them); only blank text counts as none.
        body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (FieldReader.Problem(body, "text", PlanLimits.BodyMaxLength) is { } problem)
        {
            read.Fail(PlanFields.Body, problem);
        }

        return read;
    }
}

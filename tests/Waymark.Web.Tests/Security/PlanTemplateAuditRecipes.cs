using System.Net;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of the plan types and section template pages (<see cref="WriteAuditTests"/>): each posts the form as the page shows it.</summary>
internal static class PlanTemplateAuditRecipes
{
    public static readonly HttpStatusCode[] Saved = [HttpStatusCode.Redirect];

    public static Dictionary<string, Func<WriteContext, Task<HttpResponseMessage>>> All { get; } = new(StringComparer.Ordinal)
    {
        ["POST /{org}/admin/plan-types?handler=Move"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-types", "handler=move"),
        ["POST /{org}/admin/plan-types/new"] = w =>
            WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-types/new", change: f => f["Name"] = "Recipe plan type " + Guid.NewGuid().ToString("N")[..6]),
        ["POST /{org}/admin/plan-types/{id}"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-types/{(await NewAsync(w)).Type}", change: f => f["Name"] += " (renamed)"),
        ["POST /{org}/admin/plan-types/{id}/delete"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-types/{(await NewAsync(w)).Type}/delete"),
        ["POST /{org}/admin/plan-sections?handler=Move"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-sections", "handler=move"),
        ["POST /{org}/admin/plan-sections/new"] = w =>
            WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-sections/new", change: f => f["Heading"] = "Recipe section " + Guid.NewGuid().ToString("N")[..6]),
        ["POST /{org}/admin/plan-sections/{id}"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-sections/{(await NewAsync(w)).Section}", change: f => f["Guidance"] = "Written by the audit recipe."),
        ["POST /{org}/admin/plan-sections/{id}/delete"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/plan-sections/{(await NewAsync(w)).Section}/delete"),
    };

    /// <summary>An unused plan type and a template section, made as the tests' own set-up, at the end of the lists.</summary>
    private static Task<(int Type, int Section)> NewAsync(WriteContext w) => w.Factory.InOrganisationAsync(async db =>
    {
        var key = "recipe-" + Guid.NewGuid().ToString("N")[..8];
        var organisationId = db.Scope.RequireId();
        var type = new PlanType { OrganisationId = organisationId, Key = key, Name = "Recipe type " + key, SortOrder = 100 };
        var section = new SectionTemplate { OrganisationId = organisationId, Key = key, Heading = "Recipe section " + key, SortOrder = 100 };
        db.AddRange(type, section);
        await db.SaveChangesAsync();
        return (type.Id, section.Id);
    });
}

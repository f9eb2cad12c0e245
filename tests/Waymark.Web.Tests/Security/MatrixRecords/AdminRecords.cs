using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Accounts;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// A fresh, unused plan type and template section: organisation-wide configuration, the same for "own" and "other".
/// </summary>
public sealed class PlanTemplateRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) =>
        pattern.Contains("/admin/plan-types/{id}", StringComparison.Ordinal) || pattern.Contains("/admin/plan-sections/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = "matrix-" + Guid.NewGuid().ToString("N")[..8];
        var type = new PlanType { OrganisationId = request.Home.Id, Key = key, Name = "Matrix type " + key, SortOrder = 100 };
        var section = new SectionTemplate { OrganisationId = request.Home.Id, Key = key, Heading = "Matrix section " + key, SortOrder = 100 };
        request.Db.AddRange(type, section);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = request.Pattern.Contains("/plan-types/", StringComparison.Ordinal) ? type.Id : section.Id };
    }
}

/// <summary>A new councillor's account in unit A ("own") or B ("other").</summary>
public sealed class UserRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/admin/users/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await request.Services.GetRequiredService<AccountAdministration>().CreateAsync(
            $"matrix-user-{Guid.NewGuid():N}@{request.Home.Slug}.test", "Matrix user", request.Home.Id, Role.Councillor, request.UnitId);
        return new() { ["id"] = account.User.Id };
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>An API token: "own", one of the asking account; otherwise someone else's.</summary>
public sealed class TokenRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/account/tokens/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = request.Own && request.Who.Role is { } role
            ? request.UserId(request.ActorOrganisation, role)
            : request.UserId(request.Target, request.Who.Role == Role.Councillor ? Role.Auditor : Role.Councillor);
        var token = await request.Services.GetRequiredService<ApiTokenService>().CreateAsync(owner, "matrix resource", false, 30);
        return new() { ["id"] = token.Token.Id };
    }
}

/// <summary>An entry of the organisation's audit trail: the latest ("own") or the one before it.</summary>
public sealed class AuditRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/audit/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entries = request.Db.AuditEntries.Where(e => e.OrganisationId == request.Home.Id).OrderByDescending(e => e.Id);
        return new() { ["id"] = request.Own ? await entries.Select(e => e.Id).FirstAsync() : await entries.Select(e => e.Id).Skip(1).FirstAsync() };
    }
}

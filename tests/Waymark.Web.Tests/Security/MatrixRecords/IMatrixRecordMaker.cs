using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// Makes the records that a kind of <c>{id}</c> route of the authorization matrix points at: one maker per feature, in a
/// file of its own here. <see cref="MatrixFactory"/> finds every maker in the assembly, so a feature with a new kind of
/// <c>{id}</c> adds a maker and nothing else. "Own" records are in the asker's unit (A) and owned by their post;
/// "other" ones in unit B, owned by nobody; "foreign" ones belong to the other organisation.
/// </summary>
public interface IMatrixRecordMaker
{
    /// <summary>Whether the route pattern's <c>{id}</c> is one of this maker's records (exactly one maker may say so).</summary>
    bool Makes(string pattern);

    /// <summary>Fresh records for one case, by the names of the route's parameters (<c>id</c>, <c>actionId</c>, …).</summary>
    Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request);
}

/// <summary>One case's request for records.</summary>
/// <param name="Db">A context in <paramref name="Home"/>, writing as the tests' set-up.</param>
/// <param name="Services">The scope of <paramref name="Db"/>.</param>
/// <param name="Home">Where the records go: the target organisation, or the other one for a foreign record.</param>
/// <param name="Target">The organisation in the route.</param>
/// <param name="ActorOrganisation">The asker's organisation: the target, or the other one.</param>
/// <param name="UnitId">Matrix unit A of <paramref name="Home"/> for an own record, unit B otherwise.</param>
/// <param name="PostId">The post in <paramref name="Home"/> of the asker's role (the lead officer's for the public).</param>
/// <param name="UserId">The matrix account of a role in an organisation.</param>
public sealed record MatrixRecordRequest(
    WaymarkDbContext Db, IServiceProvider Services, string Pattern, Organisation Home, Organisation Target,
    Organisation ActorOrganisation, Who Who, Relation Relation, int UnitId, int PostId, Func<Organisation, Role, int> UserId)
{
    public bool Own => Relation == Relation.Own;
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Web.Accounts;

public sealed record DemoAccount(string Organisation, Role Role, string UserName, string Password);

/// <summary>
/// One demo account per role in each demo council ("lead-officer@south-cambridgeshire.demo"), with
/// random passwords that are printed once, never stored in the clear, and can be reissued with
/// <c>waymark demo users</c>.
/// </summary>
public sealed class DemoUsers(WaymarkDbContext db, AccountAdministration accounts)
{
    public const string Domain = "demo";

    public static string UserName(Role role, string slug) =>
        $"{role switch
        {
            Role.Administrator => "administrator",
            Role.PerformanceOfficer => "performance-officer",
            Role.ServiceManager => "service-manager",
            Role.LeadOfficer => "lead-officer",
            Role.Councillor => "councillor",
            _ => "auditor",
        }}@{slug}.{Domain}";

    /// <summary>Creates the missing demo accounts, and (with <paramref name="resetExisting"/>) reissues passwords for the others.</summary>
    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync(bool resetExisting, CancellationToken ct = default)
    {
        var created = new List<DemoAccount>();
        var councils = await db.Organisations.AsNoTracking().Where(o => o.IsDemo).OrderBy(o => o.Name).ToListAsync(ct);
        foreach (var council in councils)
        {
            // The first unit is the service area; its first team is where the lead officer works.
            var area = await db.Units.IgnoreQueryFilters().Where(u => u.OrganisationId == council.Id && u.ParentId == null)
                .OrderBy(u => u.SortOrder).FirstOrDefaultAsync(ct);
            var leadPerson = await db.People.IgnoreQueryFilters()
                .Where(p => p.OrganisationId == council.Id && p.Kind == Waymark.Core.Units.PersonKind.Officer && p.UnitId != null)
                .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
            foreach (var role in Roles.All.OrderByDescending(r => r))
            {
                var userName = UserName(role, council.Slug);
                var normalized = userName.ToUpperInvariant();
                var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
                if (existing is null)
                {
                    if (role == Role.LeadOfficer)
                    {
                        leadPerson = await LeadOfficerPersonAsync(council.Id, leadPerson, ct);
                    }

                    var (unit, person) = role switch
                    {
                        Role.ServiceManager => (area?.Id, (int?)null),
                        Role.LeadOfficer => (leadPerson?.UnitId, leadPerson?.Id),
                        _ => ((int?)null, (int?)null),
                    };
                    var account = await accounts.CreateAsync(userName, $"Demo {role.DisplayName().ToLowerInvariant()} ({council.ShortName})", council.Id, role, unit, person, ct);
                    created.Add(new DemoAccount(council.Name, role, userName, account.OneTimePassword));
                }
                else if (resetExisting)
                {
                    created.Add(new DemoAccount(council.Name, role, userName, await accounts.ResetPasswordAsync(existing, ct)));
                }
            }
        }

        return created;
    }

    /// <summary>
    /// So that the demo lead officer has values to enter out of the box ("My updates"), their account is linked to
    /// whoever holds the post that is data owner of the most indicators, counting each typed-in indicator by the values it
    /// needs a year (12 monthly, 4 quarterly, 1 annual): the post with the most updates to make. Ties go to the post
    /// created first (the lowest id), so the choice is the same on every start. When that post is vacant (the demo files
    /// name posts, seldom their holders), the officer chosen otherwise (the first officer with a unit) is made its
    /// holder. In South Cambridgeshire that is the Partnerships Manager, held by the demonstration officer Sam Taylor (NI 4
    /// and one other quarterly indicator, two annual: 10 values a year; the Community Safety Officer owns more indicators,
    /// seven, but all annual). With no indicator owned by a post, the officer chosen otherwise is kept.
    /// </summary>
    private async Task<Waymark.Core.Units.Person?> LeadOfficerPersonAsync(int organisationId, Waymark.Core.Units.Person? fallback, CancellationToken ct)
    {
        var owned = await db.Indicators.IgnoreQueryFilters()
            .Where(i => i.OrganisationId == organisationId && i.DataOwnerPostId != null && i.Calculation == Waymark.Core.Indicators.CalculationKind.None)
            .Select(i => new { PostId = i.DataOwnerPostId!.Value, i.Frequency })
            .ToListAsync(ct);
        var postId = owned.GroupBy(i => i.PostId)
            .Select(g => (PostId: g.Key, ValuesAYear: g.Sum(i => 12 / (int)i.Frequency)))
            .OrderByDescending(g => g.ValuesAYear).ThenBy(g => g.PostId)
            .Select(g => (int?)g.PostId).FirstOrDefault();
        if (postId is null)
        {
            return fallback;
        }

        var post = await db.Posts.IgnoreQueryFilters().Include(p => p.Holder).SingleAsync(p => p.Id == postId, ct);
        if (post.Holder is { } holder)
        {
            return holder;
        }

        if (fallback is not null)
        {
            post.HolderId = fallback.Id;
            await db.SaveChangesAsync(ct);
        }

        return fallback;
    }

    public static void Print(IReadOnlyList<DemoAccount> accounts, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(output);
        if (accounts.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Demo accounts (shown once; each password must be changed at first sign-in).");
        output.WriteLine("Reissue them with: waymark demo users");
        foreach (var group in accounts.GroupBy(a => a.Organisation))
        {
            output.WriteLine($"  {group.Key}");
            foreach (var a in group)
            {
                output.WriteLine($"    {a.Role.DisplayName(),-20} {a.UserName,-52} {a.Password}");
            }
        }

        output.WriteLine();
    }
}

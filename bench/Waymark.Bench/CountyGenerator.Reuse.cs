using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Bench;

public sealed partial class CountyGenerator
{
    /// <summary>
    /// The county a kept database already holds (<c>--reuse</c>, to measure a change without generating again):
    /// migrated to the current schema, every generated account given a new password, its records found again.
    /// </summary>
    public async Task<GeneratedCounty?> ReuseAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        if (!await db.Database.CanConnectAsync(ct))
        {
            return null;
        }

        await WaymarkDatabase.MigrateAsync(db, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == Slug, ct);
        if (organisation is null)
        {
            return null;
        }

        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, "Waymark benchmark generator", "bench");
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }));
        var members = await db.Memberships.Include(m => m.User).OrderBy(m => m.UserId).ToListAsync(ct);
        var hash = hasher.HashPassword(members[0].User!, password);
        foreach (var m in members)
        {
            m.User!.PasswordHash = hash;
        }

        await db.SaveChangesAsync(ct);
        var userNames = new Dictionary<Role, string>();
        foreach (var m in members)
        {
            // The generator named each central role's first account after it; the owner is the first lead officer.
            userNames.TryAdd(m.Role, m.User!.UserName);
        }

        var leads = members.Where(m => m.Role == Role.LeadOfficer).Select(m => m.User!.UserName).ToList();
        var indicatorId = await db.Indicators.MinAsync(i => i.Id, ct);
        var planId = await db.Plans.MinAsync(p => p.Id, ct);
        return new GeneratedCounty(Slug, password, userNames, userNames[Role.LeadOfficer], leads, indicatorId, planId,
            await db.IndicatorValues.CountAsync(ct), await db.IndicatorTargets.CountAsync(ct), await db.PlanActions.CountAsync(ct), clock.Elapsed)
        {
            Rounds = new CountyRounds(
                await db.MonitoringRounds.Where(r => r.ClosedAt == null).Select(r => r.Id).FirstOrDefaultAsync(ct),
                await db.RoundReturns.Where(r => r.SubmittedAt != null && r.Round!.ClosedAt == null).OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(ct),
                await db.Corrections.CountAsync(ct),
                await db.PlanMeasures.Where(m => m.MilestoneId != null).Select(m => m.PlanObjective!.PlanId).FirstOrDefaultAsync(ct),
                await db.PlanMeasures.Where(m => m.MilestoneId != null).Select(m => m.MilestoneId!.Value).FirstOrDefaultAsync(ct)),
        };
    }
}

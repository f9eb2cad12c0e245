using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

namespace Waymark.Web.Cli;

/// <summary><c>waymark user create|reset-password</c>: the way in for the first administrator.</summary>
internal static class UserCommands
{
    public static Command Build(Func<ParseResult, string[]> passthrough)
    {
        var user = new Command("user", "Accounts.");

        var userName = new Option<string>("--username") { Description = "What the person signs in with (usually their work email address).", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as shown in Waymark.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "The organisation's short URL name (slug), e.g. south-cambridgeshire.", Required = true };
        var role = new Option<Role>("--role") { Description = "Administrator, PerformanceOfficer, ServiceManager, LeadOfficer, Councillor or Auditor.", DefaultValueFactory = _ => Role.Administrator };
        var create = new Command("create", "Create an account and print its one-time password (it must be changed at first sign-in).")
        {
            userName, name, organisation, role,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var db = services.GetRequiredService<WaymarkDbContext>();
            var slug = parse.GetValue(organisation)!;
            var org = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == slug, ct)
                ?? throw new InvalidOperationException($"There is no organisation '{slug}'. Organisations: {string.Join(", ", await db.Organisations.Select(o => o.Slug).ToListAsync(ct))}.");
            db.Scope.Enter(org);
            var account = await services.GetRequiredService<AccountAdministration>()
                .CreateAsync(parse.GetValue(userName)!, parse.GetValue(name)!, org.Id, parse.GetValue(role), ct: ct);
            Console.WriteLine($"Created {account.User.UserName} ({parse.GetValue(role).DisplayName()}, {org.Name}).");
            Console.WriteLine($"One-time password: {account.OneTimePassword}");
            Console.WriteLine("It is shown only now, and must be changed at first sign-in.");
            return 0;
        }));
        user.Subcommands.Add(create);

        var resetName = new Option<string>("--username") { Description = "The account to reset.", Required = true };
        var reset = new Command("reset-password", "Issue a new one-time password for an account (its sessions end) and print it.") { resetName };
        reset.TreatUnmatchedTokensAsErrors = false;
        reset.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var account = await users.FindByNameAsync(parse.GetValue(resetName)!)
                ?? throw new InvalidOperationException($"There is no account '{parse.GetValue(resetName)}'.");
            var password = await services.GetRequiredService<AccountAdministration>().ResetPasswordAsync(account, ct);
            Console.WriteLine($"One-time password for {account.UserName}: {password}");
            Console.WriteLine("It is shown only now, and must be changed at next sign-in.");
            return 0;
        }));
        user.Subcommands.Add(reset);
        return user;
    }
}

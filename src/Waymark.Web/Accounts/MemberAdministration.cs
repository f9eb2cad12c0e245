using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Units;

namespace Waymark.Web.Accounts;

public sealed record MemberRow(int UserId, string Name, string UserName, Role Role, string? UnitName, bool IsDisabled, DateTimeOffset? LastSignInAt);

/// <summary>An option of a select: the record's id and what the person choosing reads.</summary>
public sealed record Choice(int Id, string Text);

/// <summary>What "Add a user" asks for. <see cref="NewPersonName"/> set means "a new person"; else <see cref="PersonId"/> (or nobody).</summary>
public sealed record NewMember(string UserName, string DisplayName, Role Role, int? UnitId, int? PersonId, string? NewPersonName, int? PostId);

/// <summary>
/// The members of the current organisation, for the administration pages: listing them, adding
/// one (account, person and post together), and the rule that an organisation keeps an administrator.
/// </summary>
public sealed class MemberAdministration(WaymarkDbContext db, AccountAdministration accounts)
{
    public async Task<IReadOnlyList<MemberRow>> ListAsync(CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .OrderBy(m => m.User!.DisplayName).ThenBy(m => m.User!.UserName)
            .Select(m => new MemberRow(m.UserId, m.User!.DisplayName, m.User.UserName, m.Role,
                m.Unit == null ? null : m.Unit.Name, m.User.IsDisabled, m.User.LastSignInAt))
            .ToListAsync(ct);

    /// <summary>The organisation's units in tree order, each with its path ("Planning › Development control").</summary>
    public async Task<IReadOnlyList<Choice>> UnitChoicesAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(ct);
        var byParent = units.ToLookup(u => u.ParentId);
        var result = new List<Choice>();
        void Add(int? parentId, string prefix, int depth)
        {
            // Depth guards against a cycle in bad data.
            foreach (var unit in byParent[parentId].Where(_ => depth < 20))
            {
                var text = prefix + unit.Name;
                result.Add(new Choice(unit.Id, text));
                Add(unit.Id, text + " › ", depth + 1);
            }
        }

        Add(null, string.Empty, 0);
        return result;
    }

    public async Task<IReadOnlyList<Choice>> PersonChoicesAsync(CancellationToken ct) =>
        await db.People.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Choice(p.Id, p.Unit == null ? p.Name : p.Name + " (" + p.Unit.Name + ")"))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> PostChoicesAsync(CancellationToken ct) =>
        await db.Posts.AsNoTracking().OrderBy(p => p.Unit!.Name).ThenBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Select(p => new Choice(p.Id, p.Title + ", " + p.Unit!.Name + (p.Holder == null ? " (vacant)" : " (" + p.Holder.Name + ")")))
            .ToListAsync(ct);

    public Task<bool> UnitExistsAsync(int id, CancellationToken ct) => db.Units.AnyAsync(u => u.Id == id, ct);

    public Task<bool> PersonExistsAsync(int id, CancellationToken ct) => db.People.AnyAsync(p => p.Id == id, ct);

    public Task<bool> PostExistsAsync(int id, CancellationToken ct) => db.Posts.AnyAsync(p => p.Id == id, ct);

    /// <summary>
    /// Creates the account and its membership here, the new person if asked, and makes the person
    /// the post's holder: all or nothing. Returns the account with its one-time password.
    /// </summary>
    public async Task<NewAccount> AddAsync(NewMember member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var organisationId = db.Scope.RequireId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var personId = member.PersonId;
        if (!string.IsNullOrWhiteSpace(member.NewPersonName))
        {
            var person = new Person
            {
                OrganisationId = organisationId,
                Name = member.NewPersonName.Trim(),
                Kind = member.Role == Role.Councillor ? PersonKind.Councillor : PersonKind.Officer,
                UnitId = member.UnitId,
            };
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            personId = person.Id;
        }

        var account = await accounts.CreateAsync(member.UserName, member.DisplayName, organisationId, member.Role, member.UnitId, personId, ct);
        if (member.PostId is { } postId && personId is not null)
        {
            var post = await db.Posts.SingleAsync(p => p.Id == postId, ct);
            post.HolderId = personId;
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return account;
    }

    /// <summary>
    /// The organisations that would be left with no enabled administrator if this user stopped
    /// being one: here only when <paramref name="everywhere"/> is false (a change of role), in every
    /// organisation they administer when true (disabling the account ends access to all of them).
    /// </summary>
    public async Task<IReadOnlyList<string>> LastAdministratorOfAsync(int userId, bool everywhere, CancellationToken ct)
    {
        // Disabling an account reaches every organisation it belongs to, so this looks past the current one.
        var memberships = everywhere ? db.Memberships.IgnoreQueryFilters() : db.Memberships;
        return await memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == Role.Administrator && !m.User!.IsDisabled)
            .Where(m => !db.Memberships.IgnoreQueryFilters().Any(o => o.OrganisationId == m.OrganisationId && o.UserId != userId
                && o.Role == Role.Administrator && !o.User!.IsDisabled))
            .Select(m => m.Organisation!.Name)
            .ToListAsync(ct);
    }
}

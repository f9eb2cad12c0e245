using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>
/// The risk register: the whole open register or a view of it (strategic, a unit's, a plan's, a category's), filtered
/// by band, owner, overdue review, above appetite or Red for N quarters, highest score first, a page at a time, with
/// last quarter's score beside the current one.
/// </summary>
public class IndexModel(OrganisationScope scope, RiskQueries queries, FrameworkChoiceQueries choices, WaymarkDbContext db) : OrganisationPageModel(scope)
{
    public RiskView View { get; private set; } = null!;
    public RiskRegisterPage Register { get; private set; } = null!;
    public RiskMatrix Matrix { get; private set; } = null!;
    public IReadOnlyList<ChoiceUnit> Units { get; private set; } = [];
    public IReadOnlyList<ChoicePost> Posts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Plans { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public PageLinks Pages => new(Register.Page, PageLinks.Count(Register.Total, Register.PageSize), p => $"{OrgPath}/risks{View.Query(p)}", "risks");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanCreate = Permissions.CanCreateRisks(await LoadActorAsync(ct));
        View = RiskView.From(Request.Query);
        Matrix = await queries.MatrixAsync(ct);
        Register = await queries.RegisterAsync(View.Filter, PageLinks.Asked(Request), ct);
        var lists = await choices.ChoicesAsync(ct);
        (Units, Posts) = (lists.Units, lists.Posts);
        Plans = (await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        return Page();
    }

    public string LastQuarterText => Register.Quarter.Previous().Format(YearStartMonth);
}

using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units;

public class IndexModel(OrganisationScope scope, UnitQueries units) : OrganisationPageModel(scope)
{
    public IReadOnlyList<UnitTreeNode> Tree { get; private set; } = [];

    public bool CanManageStructure => UnitEditor.MayChange(Actor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Tree = await units.TreeAsync(ct);
    }
}

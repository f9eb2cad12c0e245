using System.Globalization;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>
/// A register view as its URL says it (<c>?register=strategic&amp;unit=3&amp;band=High&amp;view=inherent&amp;l=4&amp;i=5</c>):
/// read into a <see cref="RiskFilter"/>, and written back as links, so that the register, the heat map and each
/// heat-map cell link to the same view.
/// </summary>
public sealed record RiskView(
    string? Register, int? Unit, int? Plan, int? Category, string? Band, int? Owner, bool Overdue, bool Appetite, int? Red,
    bool Closed, RiskAssessment Assessment, int? Likelihood, int? Impact)
{
    public static RiskView From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        static int? Int(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new RiskView(
            Text(query["register"]), Int(query["unit"]), Int(query["plan"]), Int(query["category"]), Text(query["band"]), Int(query["owner"]),
            query["overdue"] == "true", query["appetite"] == "true", Int(query["red"]), query["closed"] == "true",
            RiskWords.AssessmentFromKey(query["view"]), Int(query["l"]), Int(query["i"]));
    }

    public RiskFilter Filter => new()
    {
        Register = RiskWords.RegisterFromKey(Register), UnitId = Unit, PlanId = Plan, CategoryId = Category, Band = Band, OwnerPostId = Owner,
        OverdueReview = Overdue, AboveAppetite = Appetite, RedForQuarters = Red, IncludeClosed = Closed,
        Assessment = Assessment, Likelihood = Likelihood, Impact = Impact,
    };

    /// <summary>The view's query string ("?register=strategic&amp;view=target"), without the page; empty for the whole register.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            var text = value switch
            {
                null or false => null,
                true => "true",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            if (text is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }

        Add("register", Register);
        Add("unit", Unit);
        Add("plan", Plan);
        Add("category", Category);
        Add("band", Band);
        Add("owner", Owner);
        Add("overdue", Overdue);
        Add("appetite", Appetite);
        Add("red", Red);
        Add("closed", Closed);
        Add("view", Assessment == RiskAssessment.Current ? null : RiskWords.Key(Assessment));
        Add("l", Likelihood);
        Add("i", Impact);
        Add("page", page is > 1 ? page : null);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Whether anything narrows the whole open register.</summary>
    public bool IsFiltered => Query().Length > 0;
}

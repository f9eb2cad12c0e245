using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>How actions read on the pages: the R/A/G key printed on every plan, tags, kinds, pounds.</summary>
public static class ActionWords
{
    /// <summary>"Red — little or no progress; …".</summary>
    public static string Key(Rag rag) => RagKey.Line(ActionRules.Text(rag), RagKey.Meaning(rag));

    public static IReadOnlyList<Rag> Rags { get; } = [Rag.Red, Rag.Amber, Rag.Green];

    /// <summary>The GOV.UK tag colour for an R/A/G; the word is always shown too.</summary>
    /// <summary>The tag of an update: its R/A/G's colour, or for a status green (Complete), blue (On going) or grey.</summary>
    public static string TagClass(ActionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Rag: { } rag } => TagClass(rag),
            { Status: ProgressStatus.Complete } => "govuk-tag govuk-tag--green",
            { Status: ProgressStatus.OnGoing } => "govuk-tag govuk-tag--blue",
            _ => "govuk-tag govuk-tag--grey",
        };
    }

    public static string TagClass(Rag rag) => rag switch
    {
        Rag.Red => "govuk-tag govuk-tag--red",
        Rag.Amber => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--green",
    };

    public static string Kind(ActionKind kind) => kind switch
    {
        ActionKind.ImprovementAction => "Improvement action",
        ActionKind.CouncilActionStep => "Council action step",
        ActionKind.InspectionProposal => "Inspection proposal",
        _ => "Key action",
    };

    public static string Pounds(decimal? amount) => amount is { } a ? ActionQueries.Pounds(a) : "";

    /// <summary>A completion date as the pages write it: "27 March 2010"; empty for none.</summary>
    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";

    /// <summary>Due as written, with the month read from it when it differs ("Mar 10" stays "Mar 10").</summary>
    public static string Due(PlanAction action, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(action);
        var written = action.DueText ?? "";
        return action.RevisedDueMonth is { } revised
            ? $"{revised.Format(yearStartMonth)} (revised; originally {(written.Length > 0 ? written : "not set")})"
            : written.Length > 0 ? written : "Not set";
    }
}

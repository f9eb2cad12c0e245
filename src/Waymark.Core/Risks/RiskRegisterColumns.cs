namespace Waymark.Core.Risks;

/// <summary>
/// The columns of the risk register as a spreadsheet (export, import and the import's template), as their headings
/// read (any case on import). The export adds columns worked out from the scores, which an import ignores.
/// </summary>
public static class RiskRegisterColumns
{
    public const string Reference = "Reference";
    public const string Title = "Title";
    public const string Cause = "Cause";
    public const string Event = "Event";
    public const string Consequence = "Consequence";
    public const string Category = "Category";
    public const string Register = "Register";
    public const string Unit = "Service or team";
    public const string Owner = "Owner";
    public const string InherentLikelihood = "Inherent likelihood";
    public const string InherentImpact = "Inherent impact";
    public const string CurrentLikelihood = "Current likelihood";
    public const string CurrentImpact = "Current impact";
    public const string TargetLikelihood = "Target likelihood";
    public const string TargetImpact = "Target impact";
    public const string Response = "Response";

    /// <summary>One control a line: "Partnership board meets monthly (Adequate)".</summary>
    public const string Controls = "Controls";

    public const string InherentScore = "Inherent score";
    public const string CurrentScore = "Current score";
    public const string CurrentBand = "Current band";
    public const string TargetScore = "Target score";
    public const string LastQuarter = "Last quarter";
    public const string ReviewDue = "Review due";
    public const string AboveAppetite = "Above appetite";
    public const string FurtherActions = "Further actions";
    public const string State = "State";

    /// <summary>What an import reads.</summary>
    public static IReadOnlyList<string> Imported { get; } =
    [
        Reference, Title, Cause, Event, Consequence, Category, Register, Unit, Owner, InherentLikelihood, InherentImpact,
        CurrentLikelihood, CurrentImpact, TargetLikelihood, TargetImpact, Response, Controls,
    ];

    /// <summary>Worked out from the register: exported, and ignored when a file is imported.</summary>
    public static IReadOnlyList<string> Derived { get; } =
        [InherentScore, CurrentScore, CurrentBand, TargetScore, LastQuarter, ReviewDue, AboveAppetite, FurtherActions, State];

    public static IReadOnlyList<string> Exported { get; } = [.. Imported, .. Derived];

    /// <summary>The columns an import file must have.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [Title, Category, InherentLikelihood, InherentImpact, CurrentLikelihood, CurrentImpact];

    /// <summary>The column an editor's field error belongs to.</summary>
    public static string ForField(string field) => field switch
    {
        RiskFields.Reference => Reference,
        RiskFields.Title => Title,
        RiskFields.Cause => Cause,
        RiskFields.Event => Event,
        RiskFields.Consequence => Consequence,
        RiskFields.Category => Category,
        RiskFields.RegisterLevel => Register,
        RiskFields.UnitId => Unit,
        RiskFields.Owner or RiskFields.OwnerPostId or RiskFields.OwnerPersonId or RiskFields.OwnerName => Owner,
        RiskFields.InherentLikelihood => InherentLikelihood,
        RiskFields.InherentImpact => InherentImpact,
        RiskFields.CurrentLikelihood => CurrentLikelihood,
        RiskFields.CurrentImpact => CurrentImpact,
        RiskFields.TargetLikelihood => TargetLikelihood,
        RiskFields.TargetImpact => TargetImpact,
        RiskFields.Response => Response,
        RiskFields.Description or RiskFields.Effectiveness => Controls,
        _ => "",
    };
}

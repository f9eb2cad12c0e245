namespace Waymark.Core.Indicators.Import;

/// <summary>The columns of each kind of import file, as their headings read (any case).</summary>
public static class ImportColumns
{
    public const string Code = "Code";
    public const string Title = "Title";
    public const string Definition = "Definition";
    public const string Unit = "Unit";
    public const string DecimalPlaces = "Decimal places";
    public const string Polarity = "Polarity";
    public const string Frequency = "Frequency";
    public const string Aggregation = "Aggregation";
    public const string DataSource = "Data source";
    public const string Tags = "Tags";
    public const string OrganisationUnit = "Organisation unit";
    public const string DataOwner = "Data owner";
    public const string LeadOfficer = "Lead officer";
    public const string BaselineValue = "Baseline value";
    public const string BaselinePeriod = "Baseline period";
    public const string BaselineNote = "Baseline note";
    public const string ToleranceType = "Tolerance type";
    public const string Tolerance = "Tolerance";
    public const string FirstYear = "First year";
    public const string LastYear = "Last year";

    /// <summary>The lowest and highest value the indicator can take (a value outside them is refused).</summary>
    public const string Minimum = "Minimum";
    public const string Maximum = "Maximum";

    public const string Year = "Year";
    public const string Target = "Target";

    /// <summary>"Yes": the row's targets that look like mistyped numbers ("39..5") are meant as text targets, as written.</summary>
    public const string TextTarget = "Text target";

    public const string Period = "Period";
    public const string Value = "Value";
    public const string NotAvailableReason = "Not available reason";
    public const string Commentary = "Commentary";

    /// <summary>What is being done about the value (the commentary rules may ask it for a Red one).</summary>
    public const string Remedial = "Remedial action";

    /// <summary>Why a value of a locked period (its monitoring round closed) is being changed; needed only for those.</summary>
    public const string CorrectionReason = "Correction reason";

    /// <summary>The most profile columns: one a month.</summary>
    public const int ProfileColumns = 12;

    /// <summary>"Profile 1": the first quarter (or month) of the year, and so on.</summary>
    public static string Profile(int n) => $"Profile {n}";

    public static IReadOnlyList<string> Definitions { get; } =
    [
        Code, Title, Definition, Unit, DecimalPlaces, Polarity, Frequency, Aggregation, DataSource, Tags, OrganisationUnit,
        DataOwner, LeadOfficer, BaselineValue, BaselinePeriod, BaselineNote, ToleranceType, Tolerance, FirstYear, LastYear,
        Minimum, Maximum,
    ];

    public static IReadOnlyList<string> Targets { get; } =
        [Code, Year, Target, .. Enumerable.Range(1, ProfileColumns).Select(Profile), TextTarget];

    public static IReadOnlyList<string> Values { get; } = [Code, Period, Value, NotAvailableReason, Commentary, Remedial, CorrectionReason];

    public static IReadOnlyList<string> Of(ImportKind kind) => kind switch
    {
        ImportKind.Definitions => Definitions,
        ImportKind.Targets => Targets,
        _ => Values,
    };

    /// <summary>The columns a file of the kind must have.</summary>
    public static IReadOnlyList<string> Required(ImportKind kind) => kind switch
    {
        ImportKind.Definitions => [Code, Title],
        ImportKind.Targets => [Code, Year, Target],
        _ => [Code, Period, Value],
    };

    /// <summary>The column an editor's field error belongs to.</summary>
    public static string ForField(string field) => field switch
    {
        IndicatorFields.Code => Code,
        IndicatorFields.Title => Title,
        IndicatorFields.Definition => Definition,
        IndicatorFields.Unit => Unit,
        IndicatorFields.DecimalPlaces => DecimalPlaces,
        IndicatorFields.Polarity => Polarity,
        IndicatorFields.Frequency => Frequency,
        IndicatorFields.Aggregation => Aggregation,
        IndicatorFields.DataSource => DataSource,
        IndicatorFields.Tags => Tags,
        IndicatorFields.UnitId => OrganisationUnit,
        IndicatorFields.DataOwnerPostId or IndicatorFields.DataOwnerPersonId => DataOwner,
        IndicatorFields.LeadPostId or IndicatorFields.LeadPersonId => LeadOfficer,
        IndicatorFields.BaselineValue => BaselineValue,
        IndicatorFields.BaselinePeriod => BaselinePeriod,
        IndicatorFields.BaselineNote => BaselineNote,
        IndicatorFields.ToleranceKind => ToleranceType,
        IndicatorFields.ToleranceAmount => Tolerance,
        IndicatorFields.CollectFrom => FirstYear,
        IndicatorFields.CollectUntil => LastYear,
        IndicatorFields.Minimum => Minimum,
        IndicatorFields.Maximum => Maximum,
        IndicatorFields.Period => Period,
        IndicatorFields.Value => Value,
        IndicatorFields.NotAvailableReason or IndicatorFields.NotAvailable => NotAvailableReason,
        IndicatorFields.Commentary => Commentary,
        IndicatorFields.Remedial => Remedial,
        Corrections.LockRules.ReasonField => CorrectionReason,
        IndicatorFields.Year => Year,
        IndicatorFields.Target => Target,
        IndicatorFields.SaveAsText => TextTarget,
        _ when field.StartsWith(IndicatorFields.Profile + "[", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(IndicatorFields.Profile.Length + 1, field.Length - IndicatorFields.Profile.Length - 2), out var n) => Profile(n + 1),
        IndicatorFields.Profile => "Profile",
        _ => "",
    };
}

namespace Waymark.Core.Indicators;

/// <summary>
/// An indicator's definition as a person or client writes it: words for the choices (see <see cref="IndicatorWords"/>),
/// numbers and periods as text, ids for units, posts and people. The same shape serves the pages, the API and imports.
/// </summary>
public sealed record IndicatorDefinitionInput
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Definition { get; init; }
    public string? Unit { get; init; }
    public string? DecimalPlaces { get; init; }
    public string? Polarity { get; init; }
    public string? Frequency { get; init; }
    public string? Aggregation { get; init; }
    public string? DataSource { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public int? UnitId { get; init; }
    public int? DataOwnerPostId { get; init; }
    public int? DataOwnerPersonId { get; init; }
    public int? LeadPostId { get; init; }
    public int? LeadPersonId { get; init; }
    public string? BaselineValue { get; init; }
    public string? BaselinePeriod { get; init; }
    public string? BaselineNote { get; init; }

    /// <summary>The lowest value the indicator's values and targets may take (empty: none, or 0 for a percentage).</summary>
    public string? Minimum { get; init; }

    /// <summary>The highest value (empty: none, or 100 for a percentage).</summary>
    public string? Maximum { get; init; }

    public string? ToleranceKind { get; init; }
    public string? ToleranceAmount { get; init; }
    public string? Comparison { get; init; }
    public string? NoChangeThreshold { get; init; }
    public string? CollectFrom { get; init; }
    public string? CollectUntil { get; init; }
    public IReadOnlyList<int>? ObjectiveIds { get; init; }

    /// <summary>none, formula, percent-on-target or percent-improving.</summary>
    public string? Calculation { get; init; }

    public string? Formula { get; init; }

    /// <summary>For a formula: variable → indicator id ("A" → 12). For a basket: the member indicators (no variable).</summary>
    public IReadOnlyList<CalculationInputSpec>? Inputs { get; init; }

    /// <summary>On a change: the year from which the new definition applies ("2011/12"); earlier years keep the old one.</summary>
    public string? ChangeAppliesFrom { get; init; }

    public static IndicatorDefinitionInput From(Indicator i, IReadOnlyList<int> objectiveIds, IReadOnlyList<IndicatorInput> inputs, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(inputs);
        return new IndicatorDefinitionInput
        {
            Code = i.Code, Title = i.Title, Definition = i.Definition, Unit = IndicatorWords.Word(i.Unit),
            DecimalPlaces = i.DecimalPlaces.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Polarity = IndicatorWords.Word(i.Polarity), Frequency = IndicatorWords.Word(i.Frequency),
            Aggregation = IndicatorWords.Word(i.Aggregation), DataSource = i.DataSource, Tags = IndicatorWords.TagWords(i.Tags),
            UnitId = i.UnitId, DataOwnerPostId = i.DataOwnerPostId, DataOwnerPersonId = i.DataOwnerPersonId,
            LeadPostId = i.LeadPostId, LeadPersonId = i.LeadPersonId,
            BaselineValue = i.BaselineValue is { } b ? IndicatorNumbers.Plain(b) : null, BaselinePeriod = i.BaselinePeriod, BaselineNote = i.BaselineNote,
            Minimum = i.Minimum is { } min ? IndicatorNumbers.Plain(min) : null, Maximum = i.Maximum is { } max ? IndicatorNumbers.Plain(max) : null,
            ToleranceKind = IndicatorWords.Word(i.ToleranceKind), ToleranceAmount = IndicatorNumbers.Plain(i.ToleranceAmount),
            Comparison = IndicatorWords.Word(i.Comparison), NoChangeThreshold = i.NoChangeThreshold is { } n ? IndicatorNumbers.Plain(n) : null,
            CollectFrom = i.CollectFrom?.Format(yearStartMonth), CollectUntil = i.CollectUntil?.Format(yearStartMonth),
            ObjectiveIds = objectiveIds, Calculation = IndicatorWords.Word(i.Calculation), Formula = i.Formula,
            Inputs = inputs.Select(x => new CalculationInputSpec(x.Variable, x.InputIndicatorId)).ToList(),
        };
    }
}

/// <summary>One input of a calculated indicator: a formula variable and its indicator, or a basket member (no variable).</summary>
public sealed record CalculationInputSpec(string? Variable, int? IndicatorId);

/// <summary>
/// A value as a person or client writes it. <see cref="ConfirmUnusual"/>: the person has been told the value is far
/// from its comparators (<see cref="DataQualityRules.IsUnusual"/>) and confirms it is right.
/// </summary>
public sealed record ValueInput(string? Period, string? Value, bool NotAvailable, string? NotAvailableReason, string? Commentary, Guid? Version)
{
    public bool ConfirmUnusual { get; init; }

    /// <summary>What is being done about it (asked for a Red value where the organisation's commentary rules say so).</summary>
    public string? Remedial { get; init; }

    /// <summary>The owner's year-end forecast as typed (<see cref="Performance.ForecastRules"/>); empty for none (then projected).</summary>
    public string? YearEndForecast { get; init; }

    /// <summary>Why a value of a locked period is being changed (<see cref="Corrections.LockRules"/>); asked only then.</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>
/// A year's targets as written: the year's target and, optionally, one per quarter or month (the profile).
/// <see cref="SaveAsText"/>: targets that look like mistyped numbers ("39..5") are meant as text targets, as written.
/// <see cref="Clear"/>: remove the year's targets (an empty form is otherwise refused, never taken as clearing them).
/// </summary>
public sealed record YearTargetsInput(string? Year, string? Target, IReadOnlyList<string?>? Profile, Guid? Version)
{
    /// <summary>Instead of a level: how much better than last year's figure the year's must be, at least ("0.5").</summary>
    public string? BetterBy { get; init; }

    public bool SaveAsText { get; init; }

    public bool Clear { get; init; }
}

/// <summary>The field names errors are reported against: the API body's names and the form fields' ids.</summary>
public static class IndicatorFields
{
    public const string Code = "code";
    public const string Title = "title";
    public const string Definition = "definition";
    public const string Unit = "unit";
    public const string DecimalPlaces = "decimalPlaces";
    public const string Polarity = "polarity";
    public const string Frequency = "frequency";
    public const string Aggregation = "aggregation";
    public const string DataSource = "dataSource";
    public const string Tags = "tags";
    public const string UnitId = "unitId";
    public const string DataOwnerPostId = "dataOwnerPostId";
    public const string DataOwnerPersonId = "dataOwnerPersonId";
    public const string LeadPostId = "leadPostId";
    public const string LeadPersonId = "leadPersonId";
    public const string BaselineValue = "baselineValue";
    public const string BaselinePeriod = "baselinePeriod";
    public const string BaselineNote = "baselineNote";
    public const string Minimum = "minimum";
    public const string Maximum = "maximum";
    public const string ToleranceKind = "toleranceKind";
    public const string ToleranceAmount = "toleranceAmount";
    public const string Comparison = "comparison";
    public const string NoChangeThreshold = "noChangeThreshold";
    public const string CollectFrom = "collectFrom";
    public const string CollectUntil = "collectUntil";
    public const string ObjectiveIds = "objectiveIds";
    public const string Calculation = "calculation";
    public const string Formula = "formula";
    public const string Inputs = "inputs";
    public const string ChangeAppliesFrom = "changeAppliesFrom";

    public const string Period = "period";
    public const string Value = "value";
    public const string NotAvailable = "notAvailable";
    public const string NotAvailableReason = "notAvailableReason";

    /// <summary>The owner's year-end forecast.</summary>
    public const string YearEndForecast = "yearEndForecast";
    public const string Commentary = "commentary";

    /// <summary>What is being done about a Red value (<see cref="Organisations.CommentaryRules"/>).</summary>
    public const string Remedial = "remedial";

    /// <summary>The "are you sure?" about a value far from its comparators: answered by confirming (<see cref="ValueInput.ConfirmUnusual"/>).</summary>
    public const string ConfirmUnusual = "confirmUnusual";

    public const string Year = "year";
    public const string Target = "target";

    /// <summary>A target relative to last year: how much better than last year's figure, at least.</summary>
    public const string BetterBy = "betterBy";
    public const string Profile = "profile";
    public const string SaveAsText = "saveAsText";
    public const string Clear = "clear";
}

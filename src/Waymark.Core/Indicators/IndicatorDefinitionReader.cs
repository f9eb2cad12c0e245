using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// Reads an indicator's definition as written (<see cref="IndicatorDefinitionInput"/>) into clean values, with one
/// message per wrong field: words for the choices, numbers, years, the units, posts, people, objectives and indicators
/// it names (which must exist here), and a calculation that can be worked out. Saves nothing.
/// </summary>
internal sealed class IndicatorDefinitionReader(WaymarkDbContext db)
{
    /// <summary>The values, or null with the messages in <see cref="FieldReader.Errors"/>.</summary>
    public async Task<(FieldReader Fields, IndicatorDefinitionValues? Values)> ReadAsync(
        IndicatorDefinitionInput input, Indicator? editing, int yearStartMonth, DateOnly today, CancellationToken ct)
    {
        var fields = new FieldReader();
        var code = fields.Text(input.Code, IndicatorFields.Code, "code", IndicatorLimits.CodeMaxLength);
        if (code is not null && !fields.Errors.ContainsKey(IndicatorFields.Code)
            && await db.Indicators.AnyAsync(i => i.Code == code && (editing == null || i.Id != editing.Id), ct))
        {
            fields.Fail(IndicatorFields.Code, CodeTaken(code));
        }

        var title = fields.Text(input.Title, IndicatorFields.Title, "title", IndicatorLimits.TitleMaxLength, required: true);
        var definition = fields.Text(input.Definition, IndicatorFields.Definition, "definition", IndicatorLimits.TextMaxLength);
        var dataSource = fields.Text(input.DataSource, IndicatorFields.DataSource, "data source", IndicatorLimits.ShortTextMaxLength);
        var baselineNote = fields.Text(input.BaselineNote, IndicatorFields.BaselineNote, "baseline note", IndicatorLimits.ShortTextMaxLength);
        var baselinePeriod = fields.Text(input.BaselinePeriod, IndicatorFields.BaselinePeriod, "baseline period", 40);
        var unit = Word<IndicatorUnit>(input.Unit, IndicatorFields.Unit, "a unit", fields, IndicatorUnit.Number);
        var polarity = Word<Polarity>(input.Polarity, IndicatorFields.Polarity, "which way is better", fields, null);
        var frequency = Word<Frequency>(input.Frequency, IndicatorFields.Frequency, "how often values are collected", fields, null);
        var aggregation = Word<Aggregation>(input.Aggregation, IndicatorFields.Aggregation, "how a year's figure is formed", fields, null);
        var toleranceKind = Word<ToleranceKind>(input.ToleranceKind, IndicatorFields.ToleranceKind, "how the tolerance is measured", fields, ToleranceKind.PercentOfTarget);
        var comparison = Word<Comparison>(input.Comparison, IndicatorFields.Comparison, "what a value is compared with", fields, Comparison.SamePeriodLastYear);
        var calculation = Word<CalculationKind>(input.Calculation, IndicatorFields.Calculation, "whether values are entered or calculated", fields, CalculationKind.None);

        var decimals = 0;
        if (!string.IsNullOrWhiteSpace(input.DecimalPlaces)
            && (!int.TryParse(input.DecimalPlaces.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out decimals)
                || decimals > IndicatorLimits.MaxDecimalPlaces))
        {
            fields.Fail(IndicatorFields.DecimalPlaces, $"Decimal places must be a whole number from 0 to {IndicatorLimits.MaxDecimalPlaces}");
        }

        var baseline = Number(input.BaselineValue, IndicatorFields.BaselineValue, "Baseline", fields);
        var tolerance = Number(input.ToleranceAmount, IndicatorFields.ToleranceAmount, "Tolerance", fields) ?? 5m;
        if (tolerance < 0)
        {
            fields.Fail(IndicatorFields.ToleranceAmount, "Tolerance must be 0 or more");
        }

        var minimum = Number(input.Minimum, IndicatorFields.Minimum, "The lowest value", fields);
        var maximum = Number(input.Maximum, IndicatorFields.Maximum, "The highest value", fields);
        if (minimum is { } lo && maximum is { } hi && hi < lo)
        {
            fields.Fail(IndicatorFields.Maximum, "The highest value must be the same as or more than the lowest value");
        }

        CheckDataQuality(fields, editing, unit, decimals, aggregation, baseline, baselinePeriod, minimum, maximum, yearStartMonth, today);

        var threshold = Number(input.NoChangeThreshold, IndicatorFields.NoChangeThreshold, "The no-change threshold", fields);
        if (threshold < 0)
        {
            fields.Fail(IndicatorFields.NoChangeThreshold, "The no-change threshold must be 0 or more");
        }

        var tags = IndicatorTags.None;
        foreach (var word in input.Tags ?? [])
        {
            if (IndicatorWords.TryRead<IndicatorTags>(word, out var tag))
            {
                tags |= tag;
            }
            else
            {
                fields.Fail(IndicatorFields.Tags, $"Choose tags from the list: {IndicatorWords.Choices<IndicatorTags>()}");
            }
        }

        var from = Year(input.CollectFrom, yearStartMonth, IndicatorFields.CollectFrom, "the first year", fields);
        var until = Year(input.CollectUntil, yearStartMonth, IndicatorFields.CollectUntil, "the last year", fields);
        if (from is { } f && until is { } u && u < f)
        {
            fields.Fail(IndicatorFields.CollectUntil, "The last year must be the same as or after the first year");
        }

        var appliesFrom = Year(input.ChangeAppliesFrom, yearStartMonth, IndicatorFields.ChangeAppliesFrom, "the year the change applies from", fields);

        await CheckChoiceAsync(input.UnitId, db.Units.Select(x => x.Id), IndicatorFields.UnitId, "unit", fields, ct);
        await CheckChoiceAsync(input.DataOwnerPostId, db.Posts.Select(x => x.Id), IndicatorFields.DataOwnerPostId, "post", fields, ct);
        await CheckChoiceAsync(input.DataOwnerPersonId, db.People.Select(x => x.Id), IndicatorFields.DataOwnerPersonId, "person", fields, ct);
        await CheckChoiceAsync(input.LeadPostId, db.Posts.Select(x => x.Id), IndicatorFields.LeadPostId, "post", fields, ct);
        await CheckChoiceAsync(input.LeadPersonId, db.People.Select(x => x.Id), IndicatorFields.LeadPersonId, "person", fields, ct);

        var objectiveIds = (input.ObjectiveIds ?? []).Distinct().ToList();
        if (objectiveIds.Count > 0 && await db.Objectives.CountAsync(o => objectiveIds.Contains(o.Id), ct) != objectiveIds.Count)
        {
            fields.Fail(IndicatorFields.ObjectiveIds, "Choose the objectives this indicator measures from the list");
        }

        var inputs = (input.Inputs ?? []).Where(x => x.IndicatorId is not null || !string.IsNullOrWhiteSpace(x.Variable)).ToList();
        var formula = FieldReader.Clean(input.Formula);
        CheckCalculation(calculation, formula, inputs, editing?.Id, fields);
        var inputIds = inputs.Where(x => x.IndicatorId is not null).Select(x => x.IndicatorId!.Value).Distinct().ToList();
        if (inputIds.Count > 0 && !fields.Errors.ContainsKey(IndicatorFields.Inputs)
            && await db.Indicators.CountAsync(i => inputIds.Contains(i.Id), ct) != inputIds.Count)
        {
            fields.Fail(IndicatorFields.Inputs, "Choose the indicators this one is calculated from from the list");
        }

        if (fields.HasErrors)
        {
            return (fields, null);
        }

        return (fields, new IndicatorDefinitionValues(
            code, title!, definition, unit, decimals, polarity, frequency, aggregation, dataSource, tags, input.UnitId,
            input.DataOwnerPostId, input.DataOwnerPersonId, input.LeadPostId, input.LeadPersonId,
            baseline, baselinePeriod, baselineNote, minimum, maximum, toleranceKind, tolerance, comparison, threshold, from, until,
            calculation, calculation == CalculationKind.Formula ? formula : null,
            calculation == CalculationKind.None ? [] : inputs.Select(x => x with { Variable = calculation == CalculationKind.Formula ? x.Variable!.Trim().ToUpperInvariant() : null }).ToList(),
            objectiveIds, appliesFrom));
    }

    /// <summary>
    /// The data-quality guards on a definition (<see cref="DataQualityRules"/>): a baseline outside the unit's range,
    /// an impossible baseline period, a percentage or rate added up over the year. Each is checked only when what it
    /// judges is new or changed, so that an older definition can still be edited in other ways.
    /// </summary>
    private static void CheckDataQuality(
        FieldReader fields, Indicator? editing, IndicatorUnit unit, int decimals, Aggregation aggregation,
        decimal? baseline, string? baselinePeriod, decimal? minimum, decimal? maximum, int yearStartMonth, DateOnly today)
    {
        var rangeChanged = editing is null || editing.Unit != unit || editing.Minimum != minimum || editing.Maximum != maximum;
        if (baseline is { } b && (rangeChanged || editing!.BaselineValue != b) && !fields.Errors.ContainsKey(IndicatorFields.Maximum)
            && DataQualityRules.OutOfRange(b, unit, decimals, minimum, maximum, "The baseline") is { } outside)
        {
            fields.Fail(IndicatorFields.BaselineValue, outside);
        }

        if ((editing is null || editing.BaselinePeriod != baselinePeriod)
            && DataQualityRules.WhyNotBaselinePeriod(baselinePeriod, yearStartMonth, today) is { } impossible)
        {
            fields.Fail(IndicatorFields.BaselinePeriod, impossible);
        }

        if ((editing is null || editing.Unit != unit || editing.Aggregation != aggregation)
            && DataQualityRules.WhyNotAggregation(unit, aggregation) is { } notSummed)
        {
            fields.Fail(IndicatorFields.Aggregation, notSummed);
        }
    }

    public static string CodeTaken(string code) => $"Another indicator already has the code {code}: enter a different code";

    private static void CheckCalculation(CalculationKind calculation, string? formula, List<CalculationInputSpec> inputs, int? selfId, FieldReader fields)
    {
        if (calculation == CalculationKind.None)
        {
            return;
        }

        if (inputs.Any(x => x.IndicatorId is null))
        {
            fields.Fail(IndicatorFields.Inputs, "Choose an indicator for every input");
            return;
        }

        if (selfId is { } self && inputs.Any(x => x.IndicatorId == self))
        {
            fields.Fail(IndicatorFields.Inputs, "An indicator cannot be calculated from itself");
            return;
        }

        if (inputs.Select(x => x.IndicatorId).Distinct().Count() != inputs.Count)
        {
            fields.Fail(IndicatorFields.Inputs, "Each indicator can be an input only once");
            return;
        }

        if (calculation != CalculationKind.Formula)
        {
            if (inputs.Count == 0)
            {
                fields.Fail(IndicatorFields.Inputs, "Choose the indicators in the basket");
            }

            return;
        }

        if (formula is null)
        {
            fields.Fail(IndicatorFields.Formula, "Enter the formula, for example A / B × 100");
            return;
        }

        if (FieldReader.Problem(formula, "formula", IndicatorLimits.FormulaMaxLength) is { } tooLong)
        {
            fields.Fail(IndicatorFields.Formula, tooLong);
            return;
        }

        var parsed = Calculation.Formula.Parse(formula);
        if (parsed.Error is { } problem)
        {
            fields.Fail(IndicatorFields.Formula, problem);
            return;
        }

        var named = inputs.Select(x => x.Variable?.Trim().ToUpperInvariant()).ToList();
        var missing = parsed.Formula!.Variables.Where(v => !named.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            fields.Fail(IndicatorFields.Inputs, $"Choose the indicator for {string.Join(", ", missing)}");
        }
        else if (named.Any(v => v is null || !parsed.Formula.Variables.Contains(v)))
        {
            fields.Fail(IndicatorFields.Inputs, "Every input must be a letter the formula uses: remove the others");
        }
    }

    private static async Task CheckChoiceAsync(int? id, IQueryable<int> ids, string field, string what, FieldReader fields, CancellationToken ct)
    {
        if (id is { } value && !await ids.AnyAsync(x => x == value, ct))
        {
            fields.Fail(field, $"Choose a {what} from the list");
        }
    }

    /// <summary>An optional financial year; a message against <paramref name="field"/> when it is not one.</summary>
    private static Period? Year(string? text, int yearStartMonth, string field, string what, FieldReader fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var errors = new Dictionary<string, string>();
        var year = IndicatorEditor.ReadYear(text, yearStartMonth, field, what, errors);
        foreach (var (key, message) in errors)
        {
            fields.Fail(key, message);
        }

        return year;
    }

    private static T Word<T>(string? word, string field, string what, FieldReader fields, T? fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            if (fallback is { } f)
            {
                return f;
            }

            fields.Fail(field, $"Choose {what}");
            return default;
        }

        if (IndicatorWords.TryRead<T>(word, out var value))
        {
            return value;
        }

        fields.Fail(field, $"Choose {what} from the list: {IndicatorWords.Choices<T>()}");
        return default;
    }

    private static decimal? Number(string? text, string field, string what, FieldReader fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(text, out var value))
        {
            return value;
        }

        fields.Fail(field, $"{what} must be a number, like 33.9 or 1,010");
        return null;
    }
}

/// <summary>A definition as read by <see cref="IndicatorDefinitionReader"/>: every field clean and checked.</summary>
internal sealed record IndicatorDefinitionValues(
    string? Code, string Title, string? Definition, IndicatorUnit Unit, int DecimalPlaces, Polarity Polarity,
    Frequency Frequency, Aggregation Aggregation, string? DataSource, IndicatorTags Tags, int? UnitId,
    int? DataOwnerPostId, int? DataOwnerPersonId, int? LeadPostId, int? LeadPersonId,
    decimal? BaselineValue, string? BaselinePeriod, string? BaselineNote, decimal? Minimum, decimal? Maximum,
    ToleranceKind ToleranceKind, decimal ToleranceAmount,
    Comparison Comparison, decimal? NoChangeThreshold, Period? CollectFrom, Period? CollectUntil,
    CalculationKind Calculation, string? Formula, IReadOnlyList<CalculationInputSpec> Inputs, IReadOnlyList<int> ObjectiveIds,
    Period? ChangeAppliesFrom)
{
    /// <summary>Whether the change alters what a value means or how it is judged.</summary>
    public bool ChangesJudgement(Indicator i) =>
        Code != i.Code || Title != i.Title || Definition != i.Definition || Unit != i.Unit || DecimalPlaces != i.DecimalPlaces
        || Polarity != i.Polarity || Aggregation != i.Aggregation || ToleranceKind != i.ToleranceKind
        || ToleranceAmount != i.ToleranceAmount || DataSource != i.DataSource;

    public void ApplyTo(Indicator i)
    {
        i.Code = Code;
        i.Title = Title;
        i.Definition = Definition;
        i.Unit = Unit;
        i.DecimalPlaces = DecimalPlaces;
        i.Polarity = Polarity;
        i.Frequency = Frequency;
        i.Aggregation = Aggregation;
        i.DataSource = DataSource;
        i.Tags = Tags;
        i.UnitId = UnitId;
        i.DataOwnerPostId = DataOwnerPostId;
        i.DataOwnerPersonId = DataOwnerPersonId;
        i.LeadPostId = LeadPostId;
        i.LeadPersonId = LeadPersonId;
        i.BaselineValue = BaselineValue;
        i.BaselinePeriod = BaselinePeriod;
        i.BaselineNote = BaselineNote;
        i.Minimum = Minimum;
        i.Maximum = Maximum;
        i.ToleranceKind = ToleranceKind;
        i.ToleranceAmount = ToleranceAmount;
        i.Comparison = Comparison;
        i.NoChangeThreshold = NoChangeThreshold;
        i.CollectFrom = CollectFrom;
        i.CollectUntil = CollectUntil;
        i.Calculation = Calculation;
        i.Formula = Formula;
    }
}

namespace Waymark.Core.Indicators;

/// <summary>Field lengths of indicators, shared by the model, the forms, the API and imports.</summary>
public static class IndicatorLimits
{
    public const int CodeMaxLength = 40;
    public const int TitleMaxLength = 500;
    public const int ShortTextMaxLength = 500;
    public const int TextMaxLength = 8000;
    public const int FormulaMaxLength = 500;
    public const int MaxDecimalPlaces = 6;
}

namespace Waymark.Core.Risks;

/// <summary>Field lengths of the risk register and its matrix, shared by the model, the forms, the API and imports.</summary>
public static class RiskLimits
{
    public const int ReferenceMaxLength = 20;
    public const int TitleMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 2000;
    public const int TextMaxLength = 8000;

    /// <summary>The largest scale a matrix may have (likelihood or impact levels).</summary>
    public const int MaxLevels = 10;

    /// <summary>The smallest scale a matrix may have.</summary>
    public const int MinLevels = 3;
}

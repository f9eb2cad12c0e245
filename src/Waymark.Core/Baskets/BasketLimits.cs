namespace Waymark.Core.Baskets;

/// <summary>Field lengths of baskets, shared by the model, the forms and the API.</summary>
public static class BasketLimits
{
    public const int TitleMaxLength = 500;
    public const int GroupTitleMaxLength = 500;
    public const int DescriptionMaxLength = 8000;
    public const int AudienceMaxLength = 2000;

    /// <summary>The most records one basket may name: a scorecard is a short list, never the whole library.</summary>
    public const int MaxItems = 500;
}

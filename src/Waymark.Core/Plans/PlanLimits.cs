namespace Waymark.Core.Plans;

/// <summary>Field lengths of plans and actions, shared by the model, the forms, the API and the demo loader.</summary>
public static class PlanLimits
{
    public const int TitleMaxLength = 1000;
    public const int HeadingMaxLength = 200;
    public const int ShortTextMaxLength = 2000;
    public const int TextMaxLength = 8000;

    /// <summary>A narrative section: long, as the seeds' sections are.</summary>
    public const int BodyMaxLength = 100_000;
}

using Waymark.Core.Indicators;
using Waymark.Core.Plans;

namespace Waymark.Core.Organisations;

/// <summary>
/// An organisation's commentary rules: whether a Red or Amber entry (an indicator value off target, an action update
/// or a milestone report assessed Red or Amber) must say why, and whether a Red one must say what is being done about
/// it. Set on the organisation settings page; both off for a new organisation.
/// </summary>
public sealed record CommentaryRule(bool CommentaryWhenRedOrAmber, bool RemedialWhenRed)
{
    /// <summary>No commentary asked for beyond what each form asks anyway.</summary>
    public static CommentaryRule None { get; } = new(false, false);

    /// <summary>The organisation's rules as set.</summary>
    public static CommentaryRule For(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new CommentaryRule(organisation.CommentaryWhenRedOrAmber, organisation.RemedialWhenRed);
    }
}

/// <summary>
/// The commentary rules (<see cref="CommentaryRule"/>) as plain functions, in one place: every path that records an
/// indicator value, an action update or a milestone report asks these, so the page, the bulk forms, the imports and the
/// API refuse the same entries with the same words. Entries stored before a rule was set are never judged again.
/// </summary>
public static class CommentaryRules
{
    /// <summary>
    /// The colour an indicator value's status gives it for the rules: Red, Amber or Green; none when there is nothing to
    /// judge (no target, no value).
    /// </summary>
    public static Rag? ColourOf(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Red => Rag.Red,
        IndicatorStatus.Amber => Rag.Amber,
        IndicatorStatus.Green => Rag.Green,
        _ => null,
    };

    /// <summary>Whether an entry of this colour must have commentary.</summary>
    public static bool NeedsCommentary(CommentaryRule rule, Rag? colour)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.CommentaryWhenRedOrAmber && colour is Rag.Red or Rag.Amber;
    }

    /// <summary>Whether an entry of this colour must say what is being done about it.</summary>
    public static bool NeedsRemedial(CommentaryRule rule, Rag? colour)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.RemedialWhenRed && colour is Rag.Red;
    }

    /// <summary>
    /// What is missing from an entry of this colour under the rules, keyed by the fields named: "Enter commentary: this
    /// value is Red", "Enter what is being done about it: this value is Red". <paramref name="what"/> names the entry
    /// ("value", "update", "milestone"). Empty when nothing is missing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Missing(
        CommentaryRule rule, Rag? colour, string? commentary, string? remedial, string what, string commentaryField, string remedialField)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var missing = new Dictionary<string, string>();
        if (colour is not { } c)
        {
            return missing;
        }

        var because = $"this {what} is {ActionRules.Text(c)}";
        if (NeedsCommentary(rule, c) && string.IsNullOrWhiteSpace(commentary))
        {
            missing[commentaryField] = $"Enter commentary: {because}";
        }

        if (NeedsRemedial(rule, c) && string.IsNullOrWhiteSpace(remedial))
        {
            missing[remedialField] = $"Enter what is being done about it: {because}";
        }

        return missing;
    }

    /// <summary>Adds what <see cref="Missing"/> finds to <paramref name="errors"/>, leaving any error already against a field.</summary>
    public static void Check(
        CommentaryRule rule, Rag? colour, string? commentary, string? remedial, string what, string commentaryField, string remedialField, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in Missing(rule, colour, commentary, remedial, what, commentaryField, remedialField))
        {
            errors.TryAdd(field, message);
        }
    }
}

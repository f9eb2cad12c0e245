namespace Waymark.Core.Messages;

/// <summary>What a notice or message is about. Each kind has its own template.</summary>
public enum NoticeKind
{
    RoundOpened = 0,
    RoundClosingSoon = 1,
    ReturnReturned = 2,
    ValueQueried = 3,
    Reminder = 4,
    Escalation = 5,

    /// <summary>A manager signed off the owner's return.</summary>
    ReturnSignedOff = 6,
    /// <summary>A review raised a service risk above the escalation score: the central team decides on the proposal.</summary>
    RiskProposed = 15,
}

public static class NoticeKinds
{
    public static IReadOnlyList<NoticeKind> All { get; } = Enum.GetValues<NoticeKind>();

    /// <summary>The kind in words, as the log and the templates page name it.</summary>
    public static string Words(this NoticeKind kind) => kind switch
    {
        NoticeKind.RoundOpened => "Round opened",
        NoticeKind.RoundClosingSoon => "Round closing soon",
        NoticeKind.ReturnReturned => "Return returned with a note",
        NoticeKind.ValueQueried => "Value queried",
        NoticeKind.Reminder => "Reminder",
        NoticeKind.Escalation => "Escalation",
        NoticeKind.ReturnSignedOff => "Return signed off",
        NoticeKind.RiskProposed => "Risk proposed for the strategic register",
        _ => kind.ToString(),
    };

    /// <summary>The kind in a URL ("value-queried").</summary>
    public static string Slug(this NoticeKind kind) => kind switch
    {
        NoticeKind.RoundOpened => "round-opened",
        NoticeKind.RoundClosingSoon => "round-closing-soon",
        NoticeKind.ReturnReturned => "return-returned",
        NoticeKind.ValueQueried => "value-queried",
        NoticeKind.Reminder => "reminder",
        NoticeKind.Escalation => "escalation",
        NoticeKind.ReturnSignedOff => "return-signed-off",
        NoticeKind.RiskProposed => "risk-proposed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static NoticeKind? FromSlug(string? slug) => All.Cast<NoticeKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}

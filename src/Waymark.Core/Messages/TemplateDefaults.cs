namespace Waymark.Core.Messages;

/// <summary>The wording Waymark ships for each kind of message; an organisation's own template replaces it.</summary>
public static class TemplateDefaults
{
    public static (string Subject, string Body) For(NoticeKind kind) => kind switch
    {
        NoticeKind.RoundOpened => (
            "{{round}} is open: your return is due by {{deadline}}",
            "Dear {{person}},\n\n{{organisation}} has opened its monitoring round {{round}}. Please complete your return by {{deadline}}.\n\n{{items}}\n\nOpen your return: {{link}}"),
        NoticeKind.RoundClosingSoon => (
            "{{round}} closes on {{deadline}}",
            "Dear {{person}},\n\n{{organisation}}'s monitoring round {{round}} closes on {{deadline}}. Anything not returned by then will be reported as missing.\n\n{{items}}\n\nOpen your return: {{link}}"),
        NoticeKind.ReturnReturned => (
            "An item of your {{round}} return was returned to you",
            "Dear {{person}},\n\nAn item of your return for {{round}} was returned with a note:\n\n{{note}}\n\n{{items}}\n\nPlease correct it and submit your return again: {{link}}"),
        NoticeKind.ValueQueried => (
            "Your value was queried: {{items}}",
            "Dear {{person}},\n\nA value you are responsible for was queried: {{items}}.\n\nThe query:\n{{note}}\n\nPlease answer the query or correct the value: {{link}}"),
        NoticeKind.Reminder => (
            "Reminder: your {{organisation}} return is due by {{deadline}}",
            "Dear {{person}},\n\nThis is a reminder of what you still have to return for {{round}} (due by {{deadline}}):\n\n{{items}}\n\nOpen your return: {{link}}"),
        NoticeKind.Escalation => (
            "Overdue returns in your area: {{owner}}",
            "Dear {{person}},\n\nThe following returns for {{round}} were due by {{deadline}} and are still outstanding:\n\n{{items}}\n\nPlease follow them up. The round: {{link}}"),
        NoticeKind.ReturnSignedOff => (
            "Your {{round}} return was signed off",
            "Dear {{person}},\n\nYour return for {{round}} was signed off. {{note}}\n\nNothing more is needed from you for this round.\n\nYour return: {{link}}"),
        NoticeKind.RiskProposed => (
            "Risk proposed for the strategic register: {{items}}",
            "Dear {{person}},\n\nA review has raised a service risk above {{organisation}}'s escalation score, so it is proposed for the strategic register:\n\n{{items}}\n\n{{note}}\n\nPlease accept or decline the proposal: {{link}}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of message."),
    };
}

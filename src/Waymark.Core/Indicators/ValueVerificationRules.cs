namespace Waymark.Core.Indicators;

/// <summary>Where a value's sign-off stands, as every page, export and the API say it.</summary>
public enum VerificationState
{
    /// <summary>Waiting for a verifier.</summary>
    NotVerified = 0,

    /// <summary>A verifier queried it: waiting for the owner's answer or correction.</summary>
    Queried = 1,

    /// <summary>The owner answered the query (or corrected the value): back with the verifiers.</summary>
    Answered = 2,

    Verified = 3,
}

/// <summary>
/// The rules of verification as a conversation: a verifier may query a value back to its owner; the owner answers or
/// corrects it, and it returns to the verify queue; verifying ends the conversation.
/// </summary>
public static class ValueVerificationRules
{
    /// <summary>Verified wins: a value verified while queried is verified (the query is closed with it).</summary>
    public static VerificationState State(bool isVerified, ValueQueryState query) => isVerified
        ? VerificationState.Verified
        : query switch
        {
            ValueQueryState.Open => VerificationState.Queried,
            ValueQueryState.Answered => VerificationState.Answered,
            _ => VerificationState.NotVerified,
        };

    public static VerificationState State(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return State(value.IsVerified, value.QueryState);
    }

    public static string Text(this VerificationState state) => state switch
    {
        VerificationState.Queried => "Queried",
        VerificationState.Answered => "Answered, to verify",
        VerificationState.Verified => "Verified",
        _ => "Not verified",
    };

    /// <summary>The word the API uses.</summary>
    public static string Word(this VerificationState state) => state switch
    {
        VerificationState.Queried => "queried",
        VerificationState.Answered => "answered",
        VerificationState.Verified => "verified",
        _ => "notVerified",
    };

    /// <summary>Why a value cannot be queried now, or null when it can (the permission is checked apart).</summary>
    public static string? WhyCannotQuery(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return State(value) switch
        {
            VerificationState.Verified => "This value has been verified, so there is nothing to query. If it is wrong, ask its owner to correct it.",
            VerificationState.Queried => "This value has been queried already and is waiting for its owner's answer.",
            _ => null,
        };
    }

    /// <summary>Why a query cannot be answered (or the value corrected in answer) now, or null when it can.</summary>
    public static string? WhyCannotAnswer(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return State(value) switch
        {
            VerificationState.Queried => null,
            VerificationState.Verified => "This value has been verified since it was queried, so the query is closed.",
            VerificationState.Answered => "This query has been answered already: the value is back with the verifiers.",
            _ => "This value has no open query to answer.",
        };
    }
}

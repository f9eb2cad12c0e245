namespace Waymark.Core.Editing;

/// <summary>How an attempt to change a record ended. Pages and the API turn each into their own answer.</summary>
public enum EditOutcome
{
    /// <summary>Saved (and audited).</summary>
    Done,

    /// <summary>No such record in the current organisation.</summary>
    NotFound,

    /// <summary>The actor may not do this to this record; <see cref="EditResult{T}.Reason"/> says why.</summary>
    Forbidden,

    /// <summary>The input is wrong; <see cref="EditResult{T}.Errors"/> has a message per field.</summary>
    Invalid,

    /// <summary>Someone else saved the record since it was read; <see cref="EditResult{T}.Record"/> is what is saved now.</summary>
    Conflict,

    /// <summary>Not possible while the record is as it is (it has entries beneath it…); <see cref="EditResult{T}.Reason"/> says why.</summary>
    Refused,
}

/// <summary>The result of a create, update or delete: the outcome and what the caller needs to explain it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "The factories read best as EditResult<Objective>.NotFound(); there is nothing to infer T from.")]
public sealed class EditResult<T>
    where T : class
{
    private EditResult(EditOutcome outcome, T? record, IReadOnlyDictionary<string, string>? errors, string? reason)
    {
        Outcome = outcome;
        Record = record;
        Errors = errors ?? new Dictionary<string, string>();
        Reason = reason;
    }

    public EditOutcome Outcome { get; }

    /// <summary>The record as saved (<see cref="EditOutcome.Done"/>) or as it now is (<see cref="EditOutcome.Conflict"/>).</summary>
    public T? Record { get; }

    /// <summary>Field name (as in the API body: "title", "unitId") → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    public string? Reason { get; }

    public static EditResult<T> Done(T record) => new(EditOutcome.Done, record, null, null);

    public static EditResult<T> NotFound() => new(EditOutcome.NotFound, null, null, null);

    public static EditResult<T> Forbidden(string reason) => new(EditOutcome.Forbidden, null, null, reason);

    public static EditResult<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(EditOutcome.Invalid, null, errors, null);

    public static EditResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static EditResult<T> Conflict(T current) => new(EditOutcome.Conflict, current, null,
        "Someone else changed this record after you opened it. Nothing of yours has been saved yet.");

    /// <summary>An update without the version it was based on: only said once the caller may change the record at all.</summary>
    public static EditResult<T> VersionMissing() => Invalid("version", "Send the version you last read (the record's \"version\"), so that nobody's change is overwritten unseen");

    public static EditResult<T> Refused(string reason) => new(EditOutcome.Refused, null, null, reason);
}

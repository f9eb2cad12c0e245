namespace Waymark.Core.Data;

/// <summary>
/// An editable record with a concurrency token. The DbContext gives it a new version on every
/// save; a save made against an older version is refused, so concurrent edits never silently
/// overwrite each other.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

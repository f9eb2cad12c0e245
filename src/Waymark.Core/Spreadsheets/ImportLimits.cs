namespace Waymark.Core.Spreadsheets;

/// <summary>
/// How much of an uploaded table Waymark reads. The .xlsx limits are checked over the zip's entry
/// headers, and the real unpacked sizes counted, before the workbook is parsed (zip-bomb defence).
/// </summary>
public sealed record ImportLimits
{
    public static ImportLimits Default { get; } = new();

    /// <summary>The largest upload, in bytes: 5 MB.</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The most data rows (heading and blank rows not counted): 5,000.</summary>
    public int MaxDataRows { get; init; } = 5_000;

    /// <summary>The most columns: 50.</summary>
    public int MaxColumns { get; init; } = 50;

    /// <summary>The most characters in one cell, after trimming: 4,000.</summary>
    public int MaxCellLength { get; init; } = 4_000;

    /// <summary>.xlsx: the most entries (parts) in the zip package: 100.</summary>
    public int MaxZipEntries { get; init; } = 100;

    /// <summary>.xlsx: the most the package may unpack to, all entries together: 50 MB.</summary>
    public long MaxUncompressedBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>.xlsx: the most an entry may be compressed (unpacked size over packed size): 100 to 1.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>.xlsx: entries that unpack to less than this are not held to the ratio (small XML packs tightly): 1 MB.</summary>
    public long RatioCheckedFromBytes { get; init; } = 1024 * 1024;
}

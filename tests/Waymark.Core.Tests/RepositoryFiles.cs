namespace Waymark.Core.Tests;

/// <summary>Files of the repository itself (docs, sources), for tests that keep them in step with the code.</summary>
public static class RepositoryFiles
{
    /// <summary>The path of a file or folder, given from the repository root (the folder of Waymark.slnx).</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Waymark.slnx).");
    }
}

namespace Waymark.Core.Demo;

/// <summary>A demo data file is malformed or refers to something it does not define.</summary>
public sealed class DemoDataException : Exception
{
    public DemoDataException() { }

    public DemoDataException(string message) : base(message) { }

    public DemoDataException(string message, Exception inner) : base(message, inner) { }
}

namespace Waymark.Core.Accounts;

/// <summary>
/// A key that protects cookies and tokens, kept in the database so that every web node shares
/// them (nodes stay stateless).
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

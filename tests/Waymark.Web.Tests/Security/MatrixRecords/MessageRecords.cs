using Waymark.Core.Messages;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A message template's kind: organisation-wide configuration, the same for "own" and "other".</summary>
public sealed class MessageTemplateRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/admin/messages/templates/{id}", StringComparison.Ordinal);

    /// <remarks>
    /// A template is named by its kind within the organisation in the address, so another organisation's template
    /// cannot be named at all: the foreign case asks for a kind that is none of this organisation's, which must be refused.
    /// </remarks>
    public Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new Dictionary<string, object> { ["id"] = request.Relation == Relation.Foreign ? "another-organisations" : NoticeKind.Reminder.Slug() });
    }
}

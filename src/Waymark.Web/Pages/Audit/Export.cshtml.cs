using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Audit;

/// <summary>"Download as CSV": the entries the same filters show on the audit page, all pages of them.</summary>
public class ExportModel(OrganisationScope scope, AuditLog log, AuditTrail trail, TimeProvider clock) : AuditFilterModel(scope)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var filter = ReadFilter();
        if (filter is null)
        {
            // The audit page shows what is wrong with the dates, next to the fields.
            return Redirect(Link(OrgPath + "/audit"));
        }

        // Who took a copy of the trail, and of what, is itself worth a line in the trail.
        await trail.RecordAsync("Audit trail exported", Organisation.Id, summary: Describe(), cancellationToken: ct);

        var entries = log.Query(filter, IncludeUnassigned).AsNoTracking().AsAsyncEnumerable();
        var name = $"audit-{Organisation.Slug}-{UkTime.ToUk(clock.GetUtcNow()):yyyy-MM-dd}.csv";
        return new CsvResult(name, writer => AuditCsv.WriteAsync(writer, entries, ct));
    }

    private string Describe()
    {
        var values = FilterValues();
        return values.Count == 0
            ? "All entries"
            : "Filtered: " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
    }

    /// <summary>Streams the file as it is written, so a long trail is never held in memory.</summary>
    private sealed class CsvResult(string fileName, Func<TextWriter, Task> write) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
            await using var writer = new StreamWriter(response.Body, AuditCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
            await write(writer);
        }
    }
}

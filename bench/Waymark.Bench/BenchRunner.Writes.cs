using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Bench;

public sealed partial class BenchRunner
{
    /// <summary>The most rows the import page takes in one file.</summary>
    private const int ImportFileRows = 5_000;

    private const int BulkChunk = 1_000;

    private sealed record ValueRow(int IndicatorId, string? Code, Core.Periods.Period Period, decimal Value, Guid Version);

    private static async Task<List<ValueRow>> ValuesAsync(ServiceProvider services, int count, bool newest, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == CountyGenerator.Slug, ct);
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var query = db.IndicatorValues.AsNoTracking().Where(v => v.Value != null);
        query = newest ? query.OrderByDescending(v => v.Id) : query.OrderBy(v => v.Id);
        return await query.Take(count)
            .Select(v => new ValueRow(v.IndicatorId, v.Indicator!.Code, v.Period, v.Value!.Value, v.Version))
            .ToListAsync(ct);
    }

    /// <summary>Values changed through the import page (preview, then confirm), in files of at most 5,000 rows, CSV and .xlsx in turn.</summary>
    private async Task ImportAsync(ServiceProvider services, BenchResult result, CancellationToken ct)
    {
        if (options.ImportRows == 0)
        {
            return;
        }

        var rows = await ValuesAsync(services, options.ImportRows, newest: true, ct);
        var session = _sessions[Who.PerformanceOfficer];
        var path = $"/{CountyGenerator.Slug}/indicators/import";
        var file = 0;
        foreach (var chunk in rows.Chunk(ImportFileRows))
        {
            var xlsx = file++ % 2 == 1;
            var table = new Table("Indicator values", ImportColumns.Values);
            foreach (var row in chunk)
            {
                // The newest values include the closed round's quarter: those rows are corrections, with their reason.
                table.AddRow(row.Code, row.Period.Code, row.Value + 1, (string?)null, "Imported by the benchmark", "Recovery plan followed (the benchmark)", "Re-stated by the benchmark's import");
            }

            var bytes = xlsx ? TableExport.ToXlsx(table) : TableExport.ToCsv(table);
            var form = await session.GetTextAsync(path, ct);
            using var upload = new MultipartFormDataContent
            {
                { new StringContent("values"), "Kind" },
                { new StringContent(Session.Antiforgery(form)), "__RequestVerificationToken" },
            };
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(xlsx ? TableExport.XlsxContentType : TableExport.CsvContentType);
            upload.Add(content, "Upload", xlsx ? "values.xlsx" : "values.csv");
            var (preview, page) = await session.SendAsync(HttpMethod.Post, path, upload, ct);
            var kind = xlsx ? "xlsx" : "CSV";
            var payload = Session.Hidden(page, "Payload");
            result.Writes.Add(new WriteResult($"Import {kind}: upload and preview", chunk.Length, preview.Milliseconds / 1000, payload is null ? 1 : 0,
                payload is null ? $"no preview ({preview.Status})" : null));
            if (payload is null)
            {
                continue;
            }

            using var confirm = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Payload"] = payload, ["__RequestVerificationToken"] = Session.Antiforgery(page),
            });
            var (saved, answer) = await session.SendAsync(HttpMethod.Post, path + "?handler=Confirm", confirm, ct);
            var imported = answer.Contains("has been imported", StringComparison.Ordinal);
            result.Writes.Add(new WriteResult($"Import {kind}: confirm (save)", chunk.Length, saved.Milliseconds / 1000, imported ? 0 : 1,
                imported ? null : $"not imported ({saved.Status})"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  import {kind} of {chunk.Length:N0} rows: preview {preview.Milliseconds / 1000:F1} s, save {saved.Milliseconds / 1000:F1} s"));
        }
    }

    /// <summary>Existing values changed through the API's bulk upsert, 1,000 a request, each with the version read.</summary>
    private async Task BulkUpsertAsync(ServiceProvider services, BenchResult result, CancellationToken ct)
    {
        if (options.BulkValues == 0)
        {
            return;
        }

        var rows = await ValuesAsync(services, options.BulkValues, newest: false, ct);
        var session = _sessions[Who.ApiToken];
        var path = $"/api/v1/organisations/{CountyGenerator.Slug}/indicators/values/bulk";
        var clock = Stopwatch.StartNew();
        var errors = 0;
        string? note = null;
        foreach (var chunk in rows.Chunk(BulkChunk))
        {
            var body = chunk.Select(r => new
            {
                indicator = r.IndicatorId, period = r.Period.Code, value = r.Value + 1, commentary = "Changed by the benchmark", version = r.Version,
                correctionReason = "Re-stated by the benchmark", // asked only of a locked period's values
            }).ToList();
            using var content = JsonContent.Create(body);
            var (sample, answer) = await session.SendAsync(HttpMethod.Post, path, content, ct);
            if (sample.Failed)
            {
                errors++;
                note ??= $"{sample.Status}: {answer[..Math.Min(300, answer.Length)]}";
            }
        }

        result.Writes.Add(new WriteResult($"API bulk upsert ({BulkChunk:N0} a request)", rows.Count, Seconds(clock), errors, note));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bulk upsert of {rows.Count:N0} values: {Seconds(clock):F1} s, {errors} failed requests"));
    }

    /// <summary>Many lead officers clicking through <see cref="BenchPages.Mixed"/> at once, then the same number asking for a static file.</summary>
    private async Task LoadAsync(Uri address, GeneratedCounty county, IReadOnlyList<string> paths, BenchResult result, CancellationToken ct)
    {
        if (options.Seconds == 0)
        {
            return;
        }

        var users = new List<Session>();
        try
        {
            for (var n = 0; n < options.Users; n++)
            {
                users.Add(await Session.SignInAsync(address, county.LeadOfficers[n % county.LeadOfficers.Count], county.Password, ct));
            }

            var seconds = options.Seconds;
            result.Load.Add(await RunUsersAsync("Pages: lead officers clicking through", users, seconds, n => paths[n % paths.Count], ct));
            result.Load.Add(await RunUsersAsync("Static file " + BenchPages.StaticFile, users, Math.Min(seconds, 20), _ => BenchPages.StaticFile, ct));
            foreach (var load in result.Load)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {load.Name}: {load.Users} users, {load.PerSecond:F1} req/s, p95 {load.Timing.P95:F0} ms, errors {load.Timing.Errors}"));
            }
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    private static async Task<LoadResult> RunUsersAsync(string name, List<Session> users, int seconds, Func<int, string> pathOf, CancellationToken ct)
    {
        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(users.Select((user, index) => Task.Run(async () =>
        {
            for (var n = index; clock.Elapsed < deadline; n++)
            {
                samples.Add(await user.GetAsync(pathOf(n), ct));
            }
        }, ct)));
        return new LoadResult(name, users.Count, clock.Elapsed.TotalSeconds, Timing.Of(samples.ToList()));
    }
}

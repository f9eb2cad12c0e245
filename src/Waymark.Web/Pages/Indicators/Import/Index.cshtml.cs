using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Hosting;

namespace Waymark.Web.Pages.Indicators.Import;

/// <summary>
/// Import of indicator definitions, targets or values: choose and upload a file, see every problem or what it will
/// change, then confirm; all rows are saved together or none. The checked table travels to the confirm in a protected
/// hidden field (<see cref="ImportPayload"/>).
/// </summary>
[RequestSizeLimit(RequestLimits.MaxImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.MaxImportBodyBytes, ValueLengthLimit = (int)RequestLimits.MaxImportBodyBytes)]
public class IndexModel(OrganisationScope scope, IndicatorImport import, IDataProtectionProvider protection) : EditorPageModel(scope)
{
    /// <summary>definitions, targets or values.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked table, protected, posted back by the confirm form.</summary>
    [BindProperty]
    public string? Payload { get; set; }

    public ImportKind? ChosenKind => ParseKind(Kind);

    public string? FileName { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public ImportSaveResult? Saved { get; private set; }

    /// <summary>Whether the actor may import definitions and targets (else values only).</summary>
    public bool CanManage => Core.Indicators.IndicatorEditor.CanCreate(Actor);

    public static ImportKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "definitions" => ImportKind.Definitions,
        "targets" => ImportKind.Targets,
        "values" => ImportKind.Values,
        _ => null,
    };

    public static string Word(ImportKind kind) => IndicatorImport.KindText(kind);

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Kind = ParseKind(kind) is { } k ? Word(k) : null;
        return Page();
    }

    /// <summary>The upload: reads and checks the file, and shows its problems or what it will change. Saves nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (ChosenKind is not { } kind)
        {
            Errors["Kind"] = "Choose what the file holds: definitions, targets or values";
        }
        else if (IndicatorImport.Open(actor, kind) is { Record: null } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors["Upload"] = Upload is null ? "Choose a CSV or Excel (.xlsx) file to upload" : "The file is empty.";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        FileName = Path.GetFileName(Upload!.FileName);
        ImportResult read;
        await using (var stream = Upload.OpenReadStream())
        {
            read = TableImport.Read(stream, FileName, ImportLimits.Default);
        }

        if (!read.Succeeded)
        {
            Errors["Upload"] = read.Error;
            return Page();
        }

        Preview = await import.PreviewAsync(actor, ChosenKind!.Value, read.Table, ct);
        Problems = Preview.Problems;
        if (Preview.IsValid)
        {
            Payload = ImportPayload.From(Preview.Kind, FileName, read.Table, Preview.Seen).Protect(protection, actor!.UserId, Organisation.Id);
            if (Payload.Length > RequestLimits.MaxImportBodyBytes - (64 * 1024))
            {
                Payload = null;
                Preview = null;
                Errors["Upload"] = "The file is too large to check and import in one go. Split it into smaller files.";
            }
        }

        return Page();
    }

    /// <summary>The confirm: checks the table again and saves every row in one transaction, or none.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var payload = actor is null ? null : ImportPayload.Unprotect(protection, actor.UserId, Organisation.Id, Payload);
        if (payload is null)
        {
            Payload = null;
            Errors["Upload"] = "The checked file has expired or could not be read. Upload the file again.";
            return Page();
        }

        Kind = Word(payload.Kind);
        FileName = payload.FileName;
        if (IndicatorImport.Open(actor, payload.Kind) is { Record: null } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        Saved = await import.SaveAsync(actor, payload.Kind, payload.Table(), payload.Seen, ct);
        Problems = Saved.Problems;
        Payload = null;
        return Page();
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Hosting;

namespace Waymark.Web.Pages.Risks.Import;

/// <summary>
/// Import of a risk register: upload a file, see every problem or what each row will do, then confirm; all rows are
/// saved together or none. The checked table travels to the confirm in a protected hidden field.
/// </summary>
[RequestSizeLimit(RequestLimits.MaxImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.MaxImportBodyBytes, ValueLengthLimit = (int)RequestLimits.MaxImportBodyBytes)]
public class IndexModel(OrganisationScope scope, RiskImport import, IDataProtectionProvider protection) : EditorPageModel(scope)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Payload { get; set; }

    public string? FileName { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public RiskImportPreview? Preview { get; private set; }

    public ImportSaveResult? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await AnswerAsync(RiskImport.Open(await LoadActorAsync(ct)), Page);

    /// <summary>The upload: reads and checks the file, and shows its problems or what it will do. Saves nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (RiskImport.Open(actor) is { Record: null } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors["Upload"] = Upload is null ? "Choose a CSV or Excel (.xlsx) file to upload" : "The file is empty.";
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
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

        Preview = await import.PreviewAsync(actor, read.Table, ct);
        Problems = Preview.Problems;
        if (Preview.IsValid)
        {
            Payload = RiskImportPayload.From(FileName, read.Table, Preview.Seen).Protect(protection, actor!.UserId, Organisation.Id);
            if (Payload.Length > RequestLimits.MaxImportBodyBytes - (64 * 1024))
            {
                (Payload, Preview) = (null, null);
                Errors["Upload"] = "The file is too large to check and import in one go. Split it into smaller files.";
            }
        }

        return Page();
    }

    /// <summary>The confirm: checks the table again and saves every row in one transaction, or none.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (RiskImport.Open(actor) is { Record: null } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        var payload = RiskImportPayload.Unprotect(protection, actor!.UserId, Organisation.Id, Payload);
        Payload = null;
        if (payload is null)
        {
            Errors["Upload"] = "The checked file has expired or could not be read. Upload the file again.";
            return Page();
        }

        FileName = payload.FileName;
        Saved = await import.SaveAsync(actor, payload.Table(), payload.Seen, ct);
        Problems = Saved.Problems;
        return Page();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Core.Performance;

/// <summary>The exception settings as entered: the kinds' codes turned on, and N as typed.</summary>
public sealed record ExceptionSettingsInput(IReadOnlyCollection<string> Kinds, string? RedPeriods);

/// <summary>The fields of the exception settings form (and the API's problem keys).</summary>
public static class ExceptionSettingsFields
{
    public const string Kinds = "kinds";
    public const string RedPeriods = "red-periods";
}

/// <summary>
/// Changes the organisation's exception settings (which kinds are reported, and N of "Red for N periods"): for
/// administrators (<see cref="Permissions.CanManageOrganisation"/>); a stale version refused; audited on save.
/// </summary>
public sealed class ExceptionSettingsEditor(WaymarkDbContext db)
{
    public const string NotAllowed = "Only administrators can change the exception settings.";

    /// <summary>The check before the form is shown: the organisation as saved now.</summary>
    public async Task<EditResult<Organisation>> OpenAsync(Actor? actor, CancellationToken ct = default) =>
        !Permissions.CanManageOrganisation(actor) ? EditResult<Organisation>.Forbidden(NotAllowed)
            : await CurrentAsync(ct) is { } organisation ? EditResult<Organisation>.Done(organisation)
            : EditResult<Organisation>.NotFound();

    public async Task<EditResult<Organisation>> UpdateAsync(Actor? actor, Guid? version, ExceptionSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageOrganisation(actor))
        {
            return EditResult<Organisation>.Forbidden(NotAllowed);
        }

        var errors = new Dictionary<string, string>();
        var kinds = ExceptionKinds.None;
        foreach (var code in input.Kinds)
        {
            if (ExceptionRules.Read(code) is { } kind)
            {
                kinds |= ExceptionSettings.Flag(kind);
            }
            else
            {
                errors[ExceptionSettingsFields.Kinds] = "Choose the kinds of exception from the list";
            }
        }

        var range = $"The number of periods must be a whole number from {ExceptionSettings.MinRedPeriods} to {ExceptionSettings.MaxRedPeriods}";
        int? redPeriods = null;
        if (FieldReader.Clean(input.RedPeriods) is not { } text)
        {
            errors[ExceptionSettingsFields.RedPeriods] = "Enter after how many Red periods running a measure is persistently Red";
        }
        else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < ExceptionSettings.MinRedPeriods || n > ExceptionSettings.MaxRedPeriods)
        {
            errors[ExceptionSettingsFields.RedPeriods] = range;
        }
        else
        {
            redPeriods = n;
        }

        if (errors.Count > 0)
        {
            return EditResult<Organisation>.Invalid(errors);
        }

        if (version is not { } expected)
        {
            return EditResult<Organisation>.VersionMissing();
        }

        var id = db.Scope.RequireId();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id, ct);
        return await db.SaveVersionedAsync(organisation, expected, CurrentAsync, () =>
        {
            organisation.ExceptionKinds = kinds;
            organisation.ExceptionRedPeriods = redPeriods!.Value;
        }, ct);
    }

    private Task<Organisation?> CurrentAsync(CancellationToken ct)
    {
        var id = db.Scope.RequireId();
        return db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Waymark.Core.Framework;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A framework entry (owned by the asker's post when "own") linked to another.</summary>
public sealed class FrameworkRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/framework/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = request.Db;
        var level = await db.FrameworkLevels.OrderBy(l => l.SortOrder).FirstAsync();
        Objective Entry(string title) => new()
        {
            OrganisationId = request.Home.Id, LevelId = level.Id, Title = title, UnitId = request.UnitId,
            OwnerPostId = request.Own ? request.PostId : null,
        };
        var objective = Entry("Matrix entry");
        var target2 = Entry("Matrix link target");
        db.Objectives.AddRange(objective, target2);
        await db.SaveChangesAsync();
        db.ObjectiveLinks.Add(new ObjectiveLink { OrganisationId = request.Home.Id, FromObjectiveId = objective.Id, ToObjectiveId = target2.Id });
        await db.SaveChangesAsync();
        return new() { ["id"] = objective.Id, ["toId"] = target2.Id };
    }
}

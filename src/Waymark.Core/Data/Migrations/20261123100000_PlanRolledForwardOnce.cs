using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// A plan is rolled forward once: the index on the plan it was rolled forward from becomes unique, so that two roll
/// forwards of the same plan at the same moment cannot both be saved. Plans not rolled from another (NULL) are many.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261123100000_PlanRolledForwardOnce")]
public sealed class PlanRolledForwardOnce : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Plans_RolledFromId", "Plans");
        migrationBuilder.CreateIndex("IX_Plans_RolledFromId", "Plans", "RolledFromId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Plans_RolledFromId", "Plans");
        migrationBuilder.CreateIndex("IX_Plans_RolledFromId", "Plans", "RolledFromId");
    }
}

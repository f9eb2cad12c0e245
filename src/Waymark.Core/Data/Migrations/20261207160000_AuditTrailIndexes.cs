using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// The audit page of a county with hundreds of thousands of entries: its newest entries, its count and its lists of
/// record types and actions are read from indexes by organisation instead of the whole trail.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207160000_AuditTrailIndexes")]
public sealed class AuditTrailIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganisationId_Id", "AuditEntries", ["OrganisationId", "Id"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganisationId_EntityType", "AuditEntries", ["OrganisationId", "EntityType"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganisationId_Action", "AuditEntries", ["OrganisationId", "Action"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_Action", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_EntityType", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_Id", "AuditEntries");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// A county with hundreds of thousands of audit entries and values: the audit page's newest entries, count and lists
/// of record types and actions, and the library's window of periods, are read from indexes by organisation instead of
/// the whole table. (The values' index by organisation and period also serves their organisation's foreign key.)
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
        migrationBuilder.CreateIndex("IX_IndicatorValues_OrganisationId_Period", "IndicatorValues", ["OrganisationId", "Period"]);
        migrationBuilder.DropIndex("IX_IndicatorValues_OrganisationId", "IndicatorValues");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_IndicatorValues_OrganisationId", "IndicatorValues", "OrganisationId");
        migrationBuilder.DropIndex("IX_IndicatorValues_OrganisationId_Period", "IndicatorValues");
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_Action", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_EntityType", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_OrganisationId_Id", "AuditEntries");
    }
}

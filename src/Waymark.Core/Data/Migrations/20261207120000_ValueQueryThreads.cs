using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Verification as a conversation: a verifier may query a value back to its owner, who answers or corrects it. The
/// value keeps where its query stands; the history keeps what each side said.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207120000_ValueQueryThreads")]
public sealed class ValueQueryThreads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("QueryState", "IndicatorValues", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("Note", "IndicatorValueEvents", maxLength: 8000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Note", "IndicatorValueEvents");
        migrationBuilder.DropColumn("QueryState", "IndicatorValues");
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// The columns and constraints the hand-written migrations repeat, one definition each (docs/migrations.md). Each
/// makes exactly the operation the migrations spelled out before, so a migration using them builds the same schema
/// (the drift test checks it on both providers). Types are left to the provider, as everywhere in the migrations.
/// </summary>
internal static class MigrationColumns
{
    /// <summary>An integer key the database numbers, with both providers' identity annotations.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this ColumnsBuilder table) =>
        table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>The concurrency token of an <see cref="IVersioned"/> record.</summary>
    public static OperationBuilder<AddColumnOperation> Version(this ColumnsBuilder table) =>
        table.Column<Guid>(nullable: false);

    /// <summary>The owning organisation of an <see cref="Organisations.IOrganisationOwned"/> row (with <see cref="OwnedBy"/>).</summary>
    public static OperationBuilder<AddColumnOperation> OrganisationId(this ColumnsBuilder table) =>
        table.Column<int>(nullable: false);

    /// <summary>A <see cref="Periods.Period"/>, stored as its code (<see cref="PeriodColumns"/>).</summary>
    public static OperationBuilder<AddColumnOperation> Period(this ColumnsBuilder table, bool nullable) =>
        table.Column<string>(maxLength: 12, nullable: nullable);

    /// <summary>An indicator figure: a value, a target, a baseline or a tolerance (precision 28, scale 10).</summary>
    public static OperationBuilder<AddColumnOperation> Amount(this ColumnsBuilder table, bool nullable) =>
        table.Column<decimal>(precision: 28, scale: 10, nullable: nullable);

    /// <summary>
    /// The foreign key from an owned row to its organisation, named as EF names it; deleting an organisation never
    /// cascades. <paramref name="tableName"/> is the table being created.
    /// </summary>
    public static void OwnedBy<T>(this CreateTableBuilder<T> table, string tableName, Expression<Func<T, object>> organisationId) =>
        table.ForeignKey($"FK_{tableName}_Organisations_OrganisationId", organisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Corrections;

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Period).IsPeriod();
        builder.Property(c => c.Subject).HasMaxLength(CorrectionLimits.SubjectMaxLength);
        builder.Property(c => c.OldValue).HasMaxLength(CorrectionLimits.ValueMaxLength);
        builder.Property(c => c.NewValue).HasMaxLength(CorrectionLimits.ValueMaxLength);
        builder.Property(c => c.OldStatus).HasMaxLength(100);
        builder.Property(c => c.NewStatus).HasMaxLength(100);
        builder.Property(c => c.Reason).HasMaxLength(CorrectionLimits.ReasonMaxLength);
        builder.Property(c => c.ByName).HasMaxLength(200);
        // The register outlives a deleted unit: the correction stays, without its unit.
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<LockException>().WithMany().HasForeignKey(c => c.LockExceptionId).OnDelete(DeleteBehavior.SetNull);
        // The register reads an organisation's corrections since a day, newest first.
        builder.HasIndex(c => new { c.OrganisationId, c.On });
    }
}

public sealed class LockExceptionConfiguration : IEntityTypeConfiguration<LockException>
{
    public void Configure(EntityTypeBuilder<LockException> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(CorrectionLimits.ReasonMaxLength);
        builder.Property(e => e.GrantedByName).HasMaxLength(200);
        builder.Property(e => e.EndedByName).HasMaxLength(200);
        builder.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Person).WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The lengths of a correction's and a lock exception's fields.</summary>
public static class CorrectionLimits
{
    public const int ReasonMaxLength = 2000;
    public const int SubjectMaxLength = 1100;
    public const int ValueMaxLength = 1000;
}

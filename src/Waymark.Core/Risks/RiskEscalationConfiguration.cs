using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Risks;

public sealed class RiskEscalationConfiguration : IEntityTypeConfiguration<RiskEscalation>
{
    public void Configure(EntityTypeBuilder<RiskEscalation> builder)
    {
        builder.Property(e => e.ProposedByName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.Property(e => e.DecidedByName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.Property(e => e.DecisionReason).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.HasOne(e => e.Risk).WithMany(r => r.Escalations).HasForeignKey(e => e.RiskId).OnDelete(DeleteBehavior.Cascade);
    }
}

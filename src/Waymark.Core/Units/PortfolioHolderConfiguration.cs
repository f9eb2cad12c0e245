using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Units;

public sealed class PortfolioHolderConfiguration : IEntityTypeConfiguration<PortfolioHolder>
{
    public void Configure(EntityTypeBuilder<PortfolioHolder> builder)
    {
        builder.Property(p => p.Portfolio).HasMaxLength(200);
        builder.Property(p => p.Note).HasMaxLength(200);
        builder.HasOne(p => p.Unit).WithMany(u => u.PortfolioHolders).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

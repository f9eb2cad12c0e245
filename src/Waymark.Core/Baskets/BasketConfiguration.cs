using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Baskets;

public sealed class BasketConfiguration : IEntityTypeConfiguration<Basket>
{
    public void Configure(EntityTypeBuilder<Basket> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(BasketLimits.TitleMaxLength);
        builder.Property(b => b.Description).HasMaxLength(BasketLimits.DescriptionMaxLength);
        builder.Property(b => b.AudienceNote).HasMaxLength(BasketLimits.AudienceMaxLength);
        builder.HasOne(b => b.OwnerPost).WithMany().HasForeignKey(b => b.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(b => new { b.OrganisationId, b.SortOrder });
    }
}

public sealed class BasketGroupConfiguration : IEntityTypeConfiguration<BasketGroup>
{
    public void Configure(EntityTypeBuilder<BasketGroup> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(BasketLimits.GroupTitleMaxLength);
        builder.HasOne(g => g.Basket).WithMany(b => b.Groups).HasForeignKey(g => g.BasketId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BasketItemConfiguration : IEntityTypeConfiguration<BasketItem>
{
    public void Configure(EntityTypeBuilder<BasketItem> builder)
    {
        builder.HasOne(i => i.Basket).WithMany(b => b.Items).HasForeignKey(i => i.BasketId).OnDelete(DeleteBehavior.Cascade);

        // A group's deletion keeps its items in the basket, ungrouped (the basket cascades them itself).
        builder.HasOne(i => i.Group).WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.SetNull);

        // A record deleted from the framework or a plan leaves every basket with it.
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Action).WithMany().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Milestone).WithMany().HasForeignKey(i => i.MilestoneId).OnDelete(DeleteBehavior.Cascade);

        // A record appears once in a basket (the nullable keys leave the other kinds free).
        builder.HasIndex(i => new { i.BasketId, i.IndicatorId }).IsUnique();
        builder.HasIndex(i => new { i.BasketId, i.ActionId }).IsUnique();
        builder.HasIndex(i => new { i.BasketId, i.MilestoneId }).IsUnique();
    }
}

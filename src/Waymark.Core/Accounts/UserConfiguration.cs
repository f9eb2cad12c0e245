using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Accounts;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(256);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(256);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.PasswordHash).HasMaxLength(1000);
        builder.Property(u => u.SecurityStamp).HasMaxLength(100);
        builder.Property(u => u.AuthenticatorKey).HasMaxLength(200);
        builder.Property(u => u.RecoveryCodes).HasMaxLength(2000);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
    }
}

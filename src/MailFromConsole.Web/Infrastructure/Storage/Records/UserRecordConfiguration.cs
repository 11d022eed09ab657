using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Infrastructure.Storage.Records;

internal sealed class UserRecordConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.NormalizedName);
        user.Property(u => u.NormalizedName).HasMaxLength(64);
        user.Property(u => u.Name).HasMaxLength(64);
        user.Property(u => u.Role).HasMaxLength(16);
        user.Property(u => u.SecurityStamp).HasMaxLength(64).IsConcurrencyToken();
    }
}

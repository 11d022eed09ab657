using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Infrastructure.Storage.Records;

internal sealed class RevokedSessionRecordConfiguration : IEntityTypeConfiguration<RevokedSessionRecord>
{
    public void Configure(EntityTypeBuilder<RevokedSessionRecord> session)
    {
        session.ToTable("revoked_sessions");
        session.HasKey(s => s.SessionId);
        session.Property(s => s.SessionId).HasMaxLength(64);
        session.HasIndex(s => s.UntilMs);
    }
}

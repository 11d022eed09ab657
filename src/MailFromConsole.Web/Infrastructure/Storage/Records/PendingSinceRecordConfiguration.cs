using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Infrastructure.Storage.Records;

internal sealed class PendingSinceRecordConfiguration : IEntityTypeConfiguration<PendingSinceRecord>
{
    public void Configure(EntityTypeBuilder<PendingSinceRecord> pending)
    {
        pending.ToTable("pending_since");
        pending.HasKey(p => new { p.Region, p.Identity });
    }
}

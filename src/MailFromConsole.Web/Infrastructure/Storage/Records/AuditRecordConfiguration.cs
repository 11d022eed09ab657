using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Infrastructure.Storage.Records;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> audit)
    {
        audit.ToTable("audit");
        audit.HasKey(a => a.Id);
        // The page reads newest first.
        audit.HasIndex(a => new { a.AtMs, a.Id });
    }
}

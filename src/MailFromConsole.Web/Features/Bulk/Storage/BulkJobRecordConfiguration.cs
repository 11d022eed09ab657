using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Features.Bulk.Storage;

internal sealed class BulkJobRecordConfiguration : IEntityTypeConfiguration<BulkJobRecord>
{
    public void Configure(EntityTypeBuilder<BulkJobRecord> job)
    {
        job.ToTable("bulk_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Region).HasMaxLength(32);
        job.Property(j => j.Pattern).HasMaxLength(300);
        job.Property(j => j.Behavior).HasMaxLength(24);
        job.Property(j => j.StartedBy).HasMaxLength(256);
        job.Property(j => j.StartedByRole).HasMaxLength(16);
        job.Property(j => j.State).HasMaxLength(16);
        job.Property(j => j.CancelledBy).HasMaxLength(256);
        job.HasIndex(j => j.State);
    }
}

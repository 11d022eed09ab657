using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Features.Bulk.Storage;

internal sealed class BulkJobRowRecordConfiguration : IEntityTypeConfiguration<BulkJobRowRecord>
{
    public void Configure(EntityTypeBuilder<BulkJobRowRecord> row)
    {
        row.ToTable("bulk_job_rows");
        row.HasKey(r => r.Id);
        row.HasIndex(r => new { r.JobId, r.Position }).IsUnique();
        row.HasOne<BulkJobRecord>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        row.Property(r => r.Identity).HasMaxLength(512);
        row.Property(r => r.MailFromDomain).HasMaxLength(512);
        row.Property(r => r.Before).HasMaxLength(600);
        row.Property(r => r.ZoneId).HasMaxLength(64);
        row.Property(r => r.ZoneName).HasMaxLength(512);
        row.Property(r => r.State).HasMaxLength(24);
        row.Property(r => r.ChangeId).HasMaxLength(64);
    }
}

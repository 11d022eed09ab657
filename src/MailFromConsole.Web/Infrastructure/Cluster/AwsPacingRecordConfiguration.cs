using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Infrastructure.Cluster;

internal sealed class AwsPacingRecordConfiguration : IEntityTypeConfiguration<AwsPacingRecord>
{
    public const string Table = "aws_pacing";

    public void Configure(EntityTypeBuilder<AwsPacingRecord> pacing)
    {
        pacing.ToTable(Table);
        pacing.HasKey(p => p.Key);
        pacing.Property(p => p.Key).HasMaxLength(200);
        pacing.Property(p => p.Instance).HasMaxLength(64);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Features.View.Storage;

internal sealed class ViewHistoryRecordConfiguration : IEntityTypeConfiguration<ViewHistoryRecord>
{
    public void Configure(EntityTypeBuilder<ViewHistoryRecord> history)
    {
        history.ToTable("view_history");
        history.HasKey(h => h.Id);
        history.Property(h => h.Region).HasMaxLength(32);
        history.Property(h => h.Kind).HasMaxLength(16);
        history.HasIndex(h => new { h.Region, h.Identity, h.AtMs });
        history.HasIndex(h => new { h.IsDrift, h.AtMs });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MailFromConsole.Web.Features.View.Storage;

internal sealed class ViewIdentityRecordConfiguration : IEntityTypeConfiguration<ViewIdentityRecord>
{
    public void Configure(EntityTypeBuilder<ViewIdentityRecord> identity)
    {
        identity.ToTable("view_identities");
        identity.HasKey(i => new { i.Region, i.Identity });
        identity.Property(i => i.Region).HasMaxLength(32);
        identity.Property(i => i.Type).HasMaxLength(16);
        identity.Property(i => i.Verification).HasMaxLength(24);
        identity.Property(i => i.MailFromStatus).HasMaxLength(24);
        identity.Property(i => i.BehaviorOnMxFailure).HasMaxLength(24);
        identity.Property(i => i.DkimStatus).HasMaxLength(24);
        identity.Property(i => i.ReadinessOutcome).HasMaxLength(32);
    }
}

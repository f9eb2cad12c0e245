using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.ShortName).HasMaxLength(60);
        builder.Property(o => o.Slug).HasMaxLength(60);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.RagKeyTitle).HasMaxLength(Plans.RagKey.TitleMaxLength);
        builder.Property(o => o.RagKeyNote).HasMaxLength(Plans.RagKey.TitleMaxLength);
        builder.Property(o => o.RagKeyRed).HasMaxLength(Plans.RagKey.MeaningMaxLength);
        builder.Property(o => o.RagKeyAmber).HasMaxLength(Plans.RagKey.MeaningMaxLength);
        builder.Property(o => o.RagKeyGreen).HasMaxLength(Plans.RagKey.MeaningMaxLength);

        // Existing organisations take the default when the column is added; -1 (never a real setting) is the
        // sentinel, so that an organisation may choose 0 days.
        builder.Property(o => o.ValuesDueDays).HasDefaultValue(Organisation.DefaultValuesDueDays).HasSentinel(-1);
        builder.Property(o => o.ClosingSoonWorkingDays).HasDefaultValue(Organisation.DefaultClosingSoonWorkingDays).HasSentinel(-1);
        builder.Property(o => o.ReminderDaysBefore).HasDefaultValue(Organisation.DefaultReminderDaysBefore).HasSentinel(-1);
        builder.Property(o => o.ReminderRepeatDays).HasDefaultValue(Organisation.DefaultReminderRepeatDays).HasSentinel(-1);
        builder.Property(o => o.EscalateToManagerDays).HasDefaultValue(Organisation.DefaultEscalateToManagerDays).HasSentinel(-1);
        builder.Property(o => o.EscalateToDirectorDays).HasDefaultValue(Organisation.DefaultEscalateToDirectorDays).HasSentinel(-1);
        builder.Property(o => o.ReturnsWorkingDays).HasDefaultValue(Organisation.DefaultReturnsWorkingDays).HasSentinel(-1);
        builder.Property(o => o.SignOffWorkingDays).HasDefaultValue(Organisation.DefaultSignOffWorkingDays).HasSentinel(-1);
        builder.Property(o => o.RoundGraceDays).HasDefaultValue(0).HasSentinel(-1);
        builder.Property(o => o.CommentaryWhenRedOrAmber).HasDefaultValue(false); // Organisations made before the rules ask nothing.
        builder.Property(o => o.RemedialWhenRed).HasDefaultValue(false);
        // Organisations made before the settings report every kind, with N = 3; the sentinels let an organisation turn all off.
        builder.Property(o => o.ExceptionKinds).HasDefaultValue(Performance.ExceptionKinds.All).HasSentinel((Performance.ExceptionKinds)(-1));
        builder.Property(o => o.ExceptionRedPeriods).HasDefaultValue(Performance.ExceptionSettings.DefaultRedPeriods).HasSentinel(-1);
    }
}

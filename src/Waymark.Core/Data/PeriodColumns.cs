using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Periods;

namespace Waymark.Core.Data;

/// <summary>A <see cref="Period"/> is stored as its code ("2011/12", "2011/12 Q4", "2012-03"): text of at most 12 characters.</summary>
internal static class PeriodColumns
{
    private static readonly ValueConverter<Period, string> Converter = new(p => p.Code, s => Period.FromCode(s));

    public static PropertyBuilder<Period> IsPeriod(this PropertyBuilder<Period> property) =>
        property.HasConversion(Converter).HasMaxLength(12);

    public static PropertyBuilder<Period?> IsPeriod(this PropertyBuilder<Period?> property) =>
        property.HasConversion(Converter).HasMaxLength(12);
}

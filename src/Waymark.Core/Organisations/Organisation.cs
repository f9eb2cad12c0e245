using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Organisations;

/// <summary>A council or partner body. Everything else belongs to exactly one organisation.</summary>
public class Organisation : IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }

    /// <summary>Lower-case, hyphenated, unique: used in URLs ("south-cambridgeshire").</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }

    /// <summary>Month the financial year starts in (April for UK councils).</summary>
    public int YearStartMonth { get; set; } = DefaultYearStartMonth;

    /// <summary>True for the demonstration councils shipped with Waymark.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// Whether the public (not signed in) may read the organisation's framework: its aims and
    /// objectives. Everything else needs an account.
    /// </summary>
    public bool PublishFramework { get; set; }

    /// <summary>
    /// How many days after a period ends its indicator values fall due. Until then an empty value is "Not due";
    /// after, "Missing" (DESIGN.md §3).
    /// </summary>
    public int ValuesDueDays { get; set; } = DefaultValuesDueDays;

    public const int DefaultValuesDueDays = 30;

    /// <summary>
    /// The date the organisation runs as at, when it is not today: the demonstration councils live in one quarter of
    /// their own plans' years (January 2012) so that deadlines, "overdue" and "this quarter" agree with their data.
    /// Empty for a real council, which runs at the real date.
    /// </summary>
    public DateOnly? AsAt { get; set; }

    /// <summary>The organisation's today: <see cref="AsAt"/> when set, else the date in the UK.</summary>
    public DateOnly Today(TimeProvider clock) => AsAt ?? UkCalendar.Today(clock);

    /// <summary>
    /// The organisation's own words for its R/A/G key, printed wherever R/A/G is shown (seed 001's "Key for Improvement
    /// Plan"); empty for Waymark's words (<see cref="Plans.RagKey"/>).
    /// </summary>
    public string? RagKeyTitle { get; set; }

    /// <summary>A line printed under the key's title ("Implementation Status (to be updated quarterly)").</summary>
    public string? RagKeyNote { get; set; }
    public string? RagKeyRed { get; set; }
    public string? RagKeyAmber { get; set; }
    public string? RagKeyGreen { get; set; }

    /// <summary>Reminders start this many working days before a returns deadline (<see cref="Messages.ReminderRules"/>).</summary>
    public int ReminderDaysBefore { get; set; } = DefaultReminderDaysBefore;

    /// <summary>While a return is overdue, a reminder every this many working days.</summary>
    public int ReminderRepeatDays { get; set; } = DefaultReminderRepeatDays;

    /// <summary>Working days overdue after which the owner's manager (head of their unit) is told.</summary>
    public int EscalateToManagerDays { get; set; } = DefaultEscalateToManagerDays;

    /// <summary>Working days overdue after which the director (head of the top unit above) is told.</summary>
    public int EscalateToDirectorDays { get; set; } = DefaultEscalateToDirectorDays;

    /// <summary>
    /// Owners whose returns are not yet submitted are told the round is closing this many working days before the returns
    /// deadline (<see cref="Messages.ReminderPlanner"/>); 0: not told.
    /// </summary>
    public int ClosingSoonWorkingDays { get; set; } = DefaultClosingSoonWorkingDays;

    public const int DefaultClosingSoonWorkingDays = 3;
    public const int DefaultReminderDaysBefore = 10;
    public const int DefaultReminderRepeatDays = 3;
    public const int DefaultEscalateToManagerDays = 5;
    public const int DefaultEscalateToDirectorDays = 10;

    /// <summary>
    /// Monitoring rounds: working days after a period ends that owners' returns are due by default (weekends and the
    /// organisation's bank holidays not counted).
    /// </summary>
    public int ReturnsWorkingDays { get; set; } = DefaultReturnsWorkingDays;

    /// <summary>Working days after the returns deadline that managers' sign-off is due by default.</summary>
    public int SignOffWorkingDays { get; set; } = DefaultSignOffWorkingDays;

    /// <summary>Calendar days after the returns deadline a return still counts as on time, by default.</summary>
    public int RoundGraceDays { get; set; }

    /// <summary>Calendar days after the sign-off deadline a round closes by itself, by default; empty: never by itself.</summary>
    public int? RoundAutoCloseDays { get; set; }

    public const int DefaultReturnsWorkingDays = 10;

    public const int DefaultSignOffWorkingDays = 5;

    /// <summary>
    /// Commentary rule: a Red or Amber value, action update or milestone report must have commentary
    /// (<see cref="CommentaryRules"/>).
    /// </summary>
    public bool CommentaryWhenRedOrAmber { get; set; }

    /// <summary>Commentary rule: a Red one must also say what is being done about it.</summary>
    public bool RemedialWhenRed { get; set; }

    /// <summary>The exception kinds reported (<see cref="Performance.ExceptionSettings"/>): every kind for a new organisation.</summary>
    public Performance.ExceptionKinds ExceptionKinds { get; set; } = Performance.ExceptionKinds.All;

    /// <summary>N of "Red for N periods running" (<see cref="Performance.ExceptionSettings"/>).</summary>
    public int ExceptionRedPeriods { get; set; } = Performance.ExceptionSettings.DefaultRedPeriods;

    /// <summary>April: the UK financial year.</summary>
    public const int DefaultYearStartMonth = 4;

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}

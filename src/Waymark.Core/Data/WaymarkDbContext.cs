using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Units;

namespace Waymark.Core.Data;

public partial class WaymarkDbContext(DbContextOptions<WaymarkDbContext> options, OrganisationScope scope, AuditContext audit, TimeProvider clock)
    : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PortfolioHolder> PortfolioHolders => Set<PortfolioHolder>();
    public DbSet<FrameworkLevel> FrameworkLevels => Set<FrameworkLevel>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<ObjectiveLink> ObjectiveLinks => Set<ObjectiveLink>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorValueEvent> IndicatorValueEvents => Set<IndicatorValueEvent>();
    public DbSet<IndicatorDefinitionVersion> IndicatorDefinitionVersions => Set<IndicatorDefinitionVersion>();
    public DbSet<IndicatorObjective> IndicatorObjectives => Set<IndicatorObjective>();
    public DbSet<IndicatorInput> IndicatorInputs => Set<IndicatorInput>();
    public DbSet<PlanType> PlanTypes => Set<PlanType>();
    public DbSet<SectionTemplate> SectionTemplates => Set<SectionTemplate>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<PlanObjective> PlanObjectives => Set<PlanObjective>();
    public DbSet<PlanMeasure> PlanMeasures => Set<PlanMeasure>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<MilestoneTarget> MilestoneTargets => Set<MilestoneTarget>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<ActionLead> ActionLeads => Set<ActionLead>();
    public DbSet<ActionLink> ActionLinks => Set<ActionLink>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<ActionDueRevision> ActionDueRevisions => Set<ActionDueRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public OrganisationScope Scope { get; } = scope;

    public AuditContext Audit { get; } = audit;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Read by the query filters; EF re-evaluates it for each query on this context.</summary>
    internal int? CurrentOrganisationId => Scope.OrganisationId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.ShortName).HasMaxLength(60);
            e.Property(o => o.Slug).HasMaxLength(60);
            e.Property(o => o.Description).HasMaxLength(4000);
            e.HasIndex(o => o.Slug).IsUnique();

            // Existing organisations take the default when the column is added; -1 (never a real setting) is the
            // sentinel, so that an organisation may choose 0 days.
            e.Property(o => o.ValuesDueDays).HasDefaultValue(Organisation.DefaultValuesDueDays).HasSentinel(-1);
        });

        modelBuilder.Entity<Unit>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.Kind).HasMaxLength(60);
            e.Property(u => u.Description).HasMaxLength(4000);
            e.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.HeadPost).WithMany().HasForeignKey(u => u.HeadPostId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("People");
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Post>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(200);
            e.HasOne(p => p.Unit).WithMany(u => u.Posts).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Holder).WithMany(p => p.Posts).HasForeignKey(p => p.HolderId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<PortfolioHolder>(e =>
        {
            e.Property(p => p.Portfolio).HasMaxLength(200);
            e.Property(p => p.Note).HasMaxLength(200);
            e.HasOne(p => p.Unit).WithMany(u => u.PortfolioHolders).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FrameworkLevel>(e =>
        {
            e.Property(l => l.Key).HasMaxLength(60);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.PluralName).HasMaxLength(100);
            e.Property(l => l.Description).HasMaxLength(2000);
            e.HasIndex(l => new { l.OrganisationId, l.Key }).IsUnique();
        });

        var periodConverter = new ValueConverter<Period, string>(p => p.Code, s => Period.FromCode(s));
        modelBuilder.Entity<Objective>(e =>
        {
            e.Property(o => o.Reference).HasMaxLength(40);
            e.Property(o => o.Title).HasMaxLength(1000);
            e.Property(o => o.Description).HasMaxLength(8000);
            e.Property(o => o.StartPeriod).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(o => o.EndPeriod).HasConversion(periodConverter).HasMaxLength(12);
            e.Ignore(o => o.Label);
            e.HasOne(o => o.Level).WithMany().HasForeignKey(o => o.LevelId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Parent).WithMany(o => o.Children).HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(o => o.OwnerPost).WithMany().HasForeignKey(o => o.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(o => o.OwnerPerson).WithMany().HasForeignKey(o => o.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ObjectiveLink>(e =>
        {
            e.HasOne(l => l.FromObjective).WithMany(o => o.ContributesTo).HasForeignKey(l => l.FromObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.ToObjective).WithMany(o => o.ContributedToBy).HasForeignKey(l => l.ToObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.FromObjectiveId, l.ToObjectiveId }).IsUnique();
        });

        ConfigureIndicators(modelBuilder, periodConverter);
        ConfigurePlans(modelBuilder, periodConverter);

        modelBuilder.Entity<User>(e =>
        {
            e.Property(u => u.UserName).HasMaxLength(256);
            e.Property(u => u.NormalizedUserName).HasMaxLength(256);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Email).HasMaxLength(256);
            e.Property(u => u.PasswordHash).HasMaxLength(1000);
            e.Property(u => u.SecurityStamp).HasMaxLength(100);
            e.Property(u => u.AuthenticatorKey).HasMaxLength(200);
            e.Property(u => u.RecoveryCodes).HasMaxLength(2000);
            e.HasIndex(u => u.NormalizedUserName).IsUnique();
        });

        modelBuilder.Entity<Membership>(e =>
        {
            e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(20);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => t.TokenHash).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(300);
            e.Property(a => a.Source).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.EntityId).HasMaxLength(60);
            e.Property(a => a.Summary).HasMaxLength(1000);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.OrganisationId, a.OccurredAt });
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.Property(k => k.FriendlyName).HasMaxLength(200));

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            if (!typeof(IOrganisationOwned).IsAssignableFrom(entityType.ClrType) || entityType.ClrType == typeof(Membership))
            {
                if (entityType.ClrType == typeof(Membership))
                {
                    modelBuilder.Entity<Membership>().HasQueryFilter(OrganisationFilter(typeof(Membership)));
                }

                continue;
            }

            // Every owned row points at its organisation; deleting an organisation never cascades.
            modelBuilder.Entity(entityType.ClrType)
                .HasOne(typeof(Organisation)).WithMany().HasForeignKey(nameof(IOrganisationOwned.OrganisationId))
                .OnDelete(DeleteBehavior.Restrict);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(OrganisationFilter(entityType.ClrType));
        }
    }

    private static void ConfigureIndicators(ModelBuilder modelBuilder, ValueConverter<Period, string> periodConverter)
    {
        modelBuilder.Entity<Indicator>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(IndicatorLimits.CodeMaxLength);
            e.Property(i => i.Title).HasMaxLength(IndicatorLimits.TitleMaxLength);
            e.Property(i => i.Definition).HasMaxLength(IndicatorLimits.TextMaxLength);
            e.Property(i => i.DataSource).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.Property(i => i.BaselinePeriod).HasMaxLength(40);
            e.Property(i => i.BaselineNote).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.Property(i => i.Formula).HasMaxLength(IndicatorLimits.FormulaMaxLength);
            e.Property(i => i.BaselineValue).HasPrecision(28, 10);
            e.Property(i => i.ToleranceAmount).HasPrecision(28, 10);
            e.Property(i => i.NoChangeThreshold).HasPrecision(28, 10);
            e.Property(i => i.CollectFrom).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(i => i.CollectUntil).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(i => i.DefinitionAppliesFrom).HasConversion(periodConverter).HasMaxLength(12);
            e.Ignore(i => i.Label);
            e.Ignore(i => i.Tolerance);
            e.HasIndex(i => new { i.OrganisationId, i.Code }).IsUnique();
            e.HasOne(i => i.OwningUnit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(i => i.DataOwnerPost).WithMany().HasForeignKey(i => i.DataOwnerPostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(i => i.DataOwnerPerson).WithMany().HasForeignKey(i => i.DataOwnerPersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(i => i.LeadPost).WithMany().HasForeignKey(i => i.LeadPostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(i => i.LeadPerson).WithMany().HasForeignKey(i => i.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<IndicatorTarget>(e =>
        {
            e.Property(t => t.Period).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(t => t.Value).HasPrecision(28, 10);
            e.Property(t => t.Text).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.HasOne(t => t.Indicator).WithMany(i => i.Targets).HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.IndicatorId, t.Period }).IsUnique();
        });

        modelBuilder.Entity<IndicatorValue>(e =>
        {
            e.Property(v => v.Period).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(v => v.Value).HasPrecision(28, 10);
            e.Property(v => v.NotAvailableReason).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.Property(v => v.Commentary).HasMaxLength(IndicatorLimits.TextMaxLength);
            e.Property(v => v.EnteredByName).HasMaxLength(200);
            e.Property(v => v.VerifiedByName).HasMaxLength(200);
            e.Ignore(v => v.IsVerified);
            e.HasOne(v => v.Indicator).WithMany(i => i.Values).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.IndicatorId, v.Period }).IsUnique();
        });

        modelBuilder.Entity<IndicatorValueEvent>(e =>
        {
            e.Property(v => v.Period).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(v => v.Value).HasPrecision(28, 10);
            e.Property(v => v.NotAvailableReason).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.Property(v => v.Commentary).HasMaxLength(IndicatorLimits.TextMaxLength);
            e.Property(v => v.ByName).HasMaxLength(200);
            e.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.IndicatorId, v.Period });
        });

        modelBuilder.Entity<IndicatorDefinitionVersion>(e =>
        {
            e.Property(v => v.AppliesFrom).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(v => v.AppliesUntil).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(v => v.Code).HasMaxLength(IndicatorLimits.CodeMaxLength);
            e.Property(v => v.Title).HasMaxLength(IndicatorLimits.TitleMaxLength);
            e.Property(v => v.Definition).HasMaxLength(IndicatorLimits.TextMaxLength);
            e.Property(v => v.DataSource).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
            e.Property(v => v.ToleranceAmount).HasPrecision(28, 10);
            e.Property(v => v.ReplacedByName).HasMaxLength(200);
            e.Ignore(v => v.Tolerance);
            e.HasOne<Indicator>().WithMany(i => i.Versions).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.IndicatorId, v.Number }).IsUnique();
        });

        modelBuilder.Entity<IndicatorObjective>(e =>
        {
            e.HasOne(l => l.Indicator).WithMany(i => i.Objectives).HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Objective).WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.IndicatorId, l.ObjectiveId }).IsUnique();
        });

        modelBuilder.Entity<IndicatorInput>(e =>
        {
            e.Property(l => l.Variable).HasMaxLength(20);
            e.HasOne(l => l.Indicator).WithMany(i => i.Inputs).HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.InputIndicator).WithMany().HasForeignKey(l => l.InputIndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.IndicatorId, l.InputIndicatorId }).IsUnique();
        });
    }

    private static void ConfigurePlans(ModelBuilder modelBuilder, ValueConverter<Period, string> periodConverter)
    {
        modelBuilder.Entity<PlanType>(e =>
        {
            e.Property(t => t.Key).HasMaxLength(60);
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasIndex(t => new { t.OrganisationId, t.Key }).IsUnique();
        });

        modelBuilder.Entity<SectionTemplate>(e =>
        {
            e.Property(t => t.Key).HasMaxLength(60);
            e.Property(t => t.Heading).HasMaxLength(PlanLimits.HeadingMaxLength);
            e.Property(t => t.Guidance).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.HasIndex(t => new { t.OrganisationId, t.Key }).IsUnique();
        });

        modelBuilder.Entity<Plan>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(PlanLimits.TitleMaxLength);
            e.Property(p => p.Source).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(p => p.StartYear).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(p => p.EndYear).HasConversion(periodConverter).HasMaxLength(12);
            e.HasOne(p => p.PlanType).WithMany().HasForeignKey(p => p.PlanTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.HeadOfServicePost).WithMany().HasForeignKey(p => p.HeadOfServicePostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.HeadOfServicePerson).WithMany().HasForeignKey(p => p.HeadOfServicePersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.RolledFrom).WithMany().HasForeignKey(p => p.RolledFromId).OnDelete(DeleteBehavior.SetNull);

            // A plan is rolled forward once, even by two people at the same moment. Unique allows many NULLs on both providers.
            e.HasIndex(p => p.RolledFromId).IsUnique();
        });

        modelBuilder.Entity<PlanSection>(e =>
        {
            e.Property(s => s.Key).HasMaxLength(60);
            e.Property(s => s.Heading).HasMaxLength(PlanLimits.HeadingMaxLength);
            e.Property(s => s.Body).HasMaxLength(PlanLimits.BodyMaxLength);
            e.HasOne(s => s.Plan).WithMany(p => p.Sections).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanStep>(e =>
        {
            e.Property(s => s.Comment).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(s => s.ByName).HasMaxLength(200);
            e.HasOne<Plan>().WithMany(p => p.Steps).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanObjective>(e =>
        {
            e.Property(o => o.Lead).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(o => o.Resources).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.HasOne(o => o.Plan).WithMany(p => p.Objectives).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(o => o.Objective).WithMany().HasForeignKey(o => o.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(o => new { o.PlanId, o.ObjectiveId }).IsUnique();
        });

        modelBuilder.Entity<PlanMeasure>(e =>
        {
            e.Property(m => m.Lead).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(m => m.Resources).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.HasOne(m => m.PlanObjective).WithMany(o => o.Measures).HasForeignKey(m => m.PlanObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Indicator).WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Milestone).WithMany().HasForeignKey(m => m.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Milestone>(e =>
        {
            e.Property(m => m.Title).HasMaxLength(PlanLimits.TitleMaxLength);
            e.HasOne(m => m.OwnerPost).WithMany().HasForeignKey(m => m.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(m => m.OwnerPerson).WithMany().HasForeignKey(m => m.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<MilestoneTarget>(e =>
        {
            e.Property(t => t.Year).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(t => t.Text).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.HasOne<Milestone>().WithMany(m => m.Targets).HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.MilestoneId, t.Year }).IsUnique();
        });

        modelBuilder.Entity<Recommendation>(e =>
        {
            e.Property(r => r.Number).HasMaxLength(20);
            e.Property(r => r.Text).HasMaxLength(PlanLimits.TextMaxLength);
            e.HasOne(r => r.Plan).WithMany(p => p.Recommendations).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanAction>(e =>
        {
            e.ToTable("Actions");
            e.Property(a => a.Reference).HasMaxLength(40);
            e.Property(a => a.Title).HasMaxLength(PlanLimits.TitleMaxLength);
            e.Property(a => a.Description).HasMaxLength(PlanLimits.TextMaxLength);
            e.Property(a => a.StartText).HasMaxLength(100);
            e.Property(a => a.DueText).HasMaxLength(100);
            e.Property(a => a.StartMonth).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(a => a.DueMonth).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(a => a.RevisedDueMonth).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(a => a.OtherServices).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(a => a.ResourcesText).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(a => a.ResourcesAmount).HasPrecision(18, 2);
            e.Property(a => a.Outputs).HasMaxLength(PlanLimits.TextMaxLength);
            e.Property(a => a.Outcomes).HasMaxLength(PlanLimits.TextMaxLength);
            e.Property(a => a.Risks).HasMaxLength(PlanLimits.TextMaxLength);
            e.Property(a => a.InServicePlan).HasMaxLength(200);
            e.Ignore(a => a.EffectiveDueMonth);
            e.HasOne(a => a.Plan).WithMany(p => p.Actions).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Objective).WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(a => a.Recommendation).WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Plan>().WithMany().HasForeignKey(a => a.InServicePlanId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.CarriedFromId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ActionLead>(e =>
        {
            e.Property(l => l.Name).HasMaxLength(200);
            e.HasOne<PlanAction>().WithMany(a => a.Leads).HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Post).WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ActionLink>(e =>
        {
            e.Property(l => l.Text).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.HasOne<PlanAction>().WithMany(a => a.Links).HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Objective).WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Indicator).WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ActionUpdate>(e =>
        {
            e.Property(u => u.Quarter).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(u => u.Commentary).HasMaxLength(PlanLimits.TextMaxLength);
            e.Property(u => u.ByName).HasMaxLength(200);
            e.HasOne<PlanAction>().WithMany(a => a.Updates).HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => new { u.ActionId, u.Quarter });
        });

        modelBuilder.Entity<ActionDueRevision>(e =>
        {
            e.Property(r => r.FromMonth).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(r => r.ToMonth).HasConversion(periodConverter).HasMaxLength(12);
            e.Property(r => r.Reason).HasMaxLength(PlanLimits.ShortTextMaxLength);
            e.Property(r => r.ByName).HasMaxLength(200);
            e.HasOne<PlanAction>().WithMany(a => a.Revisions).HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>e => e.OrganisationId == this.CurrentOrganisationId (null matches nothing).</summary>
    private LambdaExpression OrganisationFilter(Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        var owned = Expression.Convert(
            Expression.Property(entity, nameof(IOrganisationOwned.OrganisationId)), typeof(int?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
        return Expression.Lambda(Expression.Equal(owned, current), entity);
    }
}

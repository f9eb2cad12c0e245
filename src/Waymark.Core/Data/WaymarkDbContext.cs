using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Baskets;
using Waymark.Core.Breakdowns;
using Waymark.Core.Corrections;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Rounds;
using Waymark.Core.Risks;
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
    public DbSet<MilestoneProgress> MilestoneProgress => Set<MilestoneProgress>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<ActionLead> ActionLeads => Set<ActionLead>();
    public DbSet<ActionLink> ActionLinks => Set<ActionLink>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<ActionDueRevision> ActionDueRevisions => Set<ActionDueRevision>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<LockException> LockExceptions => Set<LockException>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<MonitoringRound> MonitoringRounds => Set<MonitoringRound>();
    public DbSet<RoundReturn> RoundReturns => Set<RoundReturn>();
    public DbSet<RoundReturnItem> RoundReturnItems => Set<RoundReturnItem>();
    public DbSet<BankHolidayChange> BankHolidayChanges => Set<BankHolidayChange>();
    public DbSet<RiskMatrix> RiskMatrices => Set<RiskMatrix>();
    public DbSet<RiskMatrixLevel> RiskMatrixLevels => Set<RiskMatrixLevel>();
    public DbSet<RiskImpactType> RiskImpactTypes => Set<RiskImpactType>();
    public DbSet<RiskImpactCriterion> RiskImpactCriteria => Set<RiskImpactCriterion>();
    public DbSet<RiskScoreBand> RiskScoreBands => Set<RiskScoreBand>();
    public DbSet<RiskCategory> RiskCategories => Set<RiskCategory>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<RiskControl> RiskControls => Set<RiskControl>();
    public DbSet<RiskLink> RiskLinks => Set<RiskLink>();
    public DbSet<RiskAction> RiskActions => Set<RiskAction>();
    public DbSet<RiskReview> RiskReviews => Set<RiskReview>();
    public DbSet<RiskEscalation> RiskEscalations => Set<RiskEscalation>();
    public DbSet<Basket> Baskets => Set<Basket>();
    public DbSet<BasketGroup> BasketGroups => Set<BasketGroup>();
    public DbSet<BasketItem> BasketItems => Set<BasketItem>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Breakdown> Breakdowns => Set<Breakdown>();
    public DbSet<BreakdownMember> BreakdownMembers => Set<BreakdownMember>();
    public DbSet<BreakdownValue> BreakdownValues => Set<BreakdownValue>();
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

        // Each entity's columns, keys and relationships are configured beside it (<Entity>Configuration.cs);
        // what applies to every entity of a kind stays here.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WaymarkDbContext).Assembly);

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

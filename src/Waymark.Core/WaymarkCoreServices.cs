using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Baskets;
using Waymark.Core.Breakdowns;
using Waymark.Core.Demo;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Plans.Documents;
using Waymark.Core.Rounds;
using Waymark.Core.Risks;
using Waymark.Core.Units;

namespace Waymark.Core;

/// <summary>
/// Every Core service, once, for the web app, the command line and tests alike. Each is scoped: one per request or
/// command, on that request's DbContext and organisation scope. A new editor or queries class is added here (a test
/// fails for a public <c>…Editor</c> or <c>…Queries</c> class that is missing).
/// </summary>
public static class WaymarkCoreServices
{
    public static IServiceCollection AddWaymarkCore(this IServiceCollection services)
    {
        services.AddScoped<OrganisationScope>();
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ActorService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<OrganisationEditor>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<UnitEditor>();
        services.AddScoped<PostEditor>();
        services.AddScoped<PersonEditor>();
        services.AddScoped<FrameworkQueries>();
        services.AddScoped<FrameworkChoiceQueries>();
        services.AddScoped<FrameworkEditor>();
        services.AddScoped<ObjectiveLinkEditor>();
        services.AddScoped<FrameworkLevelEditor>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<IndicatorTargetEditor>();
        services.AddScoped<IndicatorValueEditor>();
        services.AddScoped<Corrections.PeriodLock>();
        services.AddScoped<Corrections.CorrectionQueries>();
        services.AddScoped<Corrections.LockExceptionEditor>();
        services.AddScoped<ValueVerificationEditor>();
        services.AddScoped<ValueVerificationQueries>();
        services.AddScoped<IndicatorImport>();
        services.AddScoped<IndicatorBulkValues>();
        services.AddScoped<UnusualValues>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<Performance.PerformanceQueries>();
        services.AddScoped<Performance.ExceptionSettingsEditor>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<PlanSectionEditor>();
        services.AddScoped<PlanObjectiveEditor>();
        services.AddScoped<RecommendationEditor>();
        services.AddScoped<PlanTemplateEditor>();
        services.AddScoped<PlanWorkflow>();
        services.AddScoped<PlanRollForward>();
        services.AddScoped<PlanDocumentBuilder>();
        services.AddScoped<RiskMatrixQueries>();
        services.AddScoped<RiskMatrixEditor>();
        services.AddScoped<RiskQueries>();
        services.AddScoped<RiskEditor>();
        services.AddScoped<RiskControlEditor>();
        services.AddScoped<RiskActionEditor>();
        services.AddScoped<RiskReviewEditor>();
        services.AddScoped<PlanRiskQueries>();
        services.AddScoped<RiskEscalationEditor>();
        services.AddScoped<RiskImport>();
        services.AddScoped<ActionQueries>();
        services.AddScoped<ActionEditor>();
        services.AddScoped<ActionProgress>();
        services.AddScoped<RoundQueries>();
        services.AddScoped<RoundEditor>();
        services.AddScoped<RoundSettingsEditor>();
        services.TryAddSingleton(DemoSettings.Default);
        services.AddScoped<BulkProgressEditor>();
        services.AddScoped<MilestoneProgressEditor>();
        services.AddScoped<MilestoneProgressQueries>();
        services.AddScoped<Returns.ReturnQueries>();
        services.AddScoped<Returns.ReturnEditor>();
        services.AddScoped<Returns.ReturnNotices>();
        services.AddScoped<DemoLoader>();
        services.TryAddSingleton(new MailSettings());
        services.AddScoped<Notices>();
        services.AddScoped<NoticeQueries>();
        services.AddScoped<NoticeEditor>();
        services.AddScoped<MessageQueries>();
        services.AddScoped<MessageTemplateEditor>();
        services.AddScoped<ReminderScheduleEditor>();
        services.AddScoped<BreakdownQueries>();
        services.AddScoped<BreakdownEditor>();
        services.AddScoped<BreakdownValueEditor>();
        services.AddScoped<PlaceEditor>();
        services.AddScoped<HealthCardQueries>();
        services.AddScoped<MessageOutbox>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<BasketEditor>();
        services.AddScoped<BasketContentEditor>();
        services.AddScoped<BasketQueries>();
        services.TryAddSingleton<MessageJob>();
        return services;
    }
}

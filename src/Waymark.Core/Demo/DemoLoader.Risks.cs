using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Core.Demo;

public sealed partial class DemoLoader
{
    /// <summary>The risk register of a council (Demo/Risks/&lt;slug&gt;.risks.json), or null when it has none.</summary>
    public static DemoRiskFile? ReadRisks(string slug) => ReadPart<DemoRiskFile>(slug, "Risks", "risks");

    private sealed partial class Builder
    {
        private readonly Dictionary<string, Plan> _plans = new(StringComparer.Ordinal);

        /// <summary>
        /// The council's matrix (its own size, the default words and bands) and its register: each risk with its
        /// demonstration scores, controls, plan links, two quarters of reviews, and its closure or escalation proposal.
        /// </summary>
        private void AddRisks(DemoRiskFile file)
        {
            var matrix = RiskMatrixDefaults.Create(file.Matrix.LikelihoodLevels, file.Matrix.ImpactLevels);
            matrix.OrganisationId = organisation.Id;
            foreach (var part in matrix.Levels)
            {
                part.OrganisationId = organisation.Id;
            }

            foreach (var type in matrix.ImpactTypes)
            {
                type.OrganisationId = organisation.Id;
                type.Criteria.ForEach(c => c.OrganisationId = organisation.Id);
            }

            matrix.Bands.ForEach(b => b.OrganisationId = organisation.Id);
            matrix.Categories.ForEach(c => c.OrganisationId = organisation.Id);
            db.RiskMatrices.Add(matrix);

            foreach (var source in file.Risks ?? [])
            {
                db.Risks.Add(NewRisk(source, matrix));
            }
        }

        private Risk NewRisk(DemoRisk source, RiskMatrix matrix)
        {
            var where = $"risk '{source.Reference}'";
            var current = Score(source.Current, matrix, where);
            var inherent = Score(source.Inherent, matrix, where);
            var target = source.Target is null ? ((int, int)?)null : Score(source.Target, matrix, where);
            var ownerPost = source.OwnerPost is null ? null : Resolve(_posts, source.OwnerPost, "post", where);
            var ownerPerson = source.OwnerPerson is null ? null : Resolve(_people, source.OwnerPerson, "person", where);
            var risk = new Risk
            {
                OrganisationId = organisation.Id, Reference = source.Reference, Title = source.Title,
                Cause = source.Cause, Event = source.Event, Consequence = source.Consequence,
                Category = matrix.Categories.FirstOrDefault(c => c.Name == source.Category)
                    ?? throw new DemoDataException($"{fileName}: {where} has category '{source.Category}'."),
                RegisterLevel = RiskRegisterLevel.Service,
                Unit = source.Unit is null ? null : Resolve(_units, source.Unit, "unit", where),
                OwnerPost = ownerPost, OwnerPerson = ownerPerson,
                InherentLikelihood = inherent.Likelihood, InherentImpact = inherent.Impact,
                CurrentLikelihood = current.Likelihood, CurrentImpact = current.Impact,
                TargetLikelihood = target?.Item1, TargetImpact = target?.Item2,
                Response = Enum.TryParse<RiskResponse>(source.Response, ignoreCase: true, out var response)
                    ? response : throw new DemoDataException($"{fileName}: {where} has response '{source.Response}'."),
                IsDemonstration = true,
            };
            var order = 0;
            foreach (var control in source.Controls ?? [])
            {
                risk.Controls.Add(new RiskControl
                {
                    OrganisationId = organisation.Id, Description = control.Description, SortOrder = order++,
                    OwnerPost = control.OwnerPost is null ? ownerPost : Resolve(_posts, control.OwnerPost, "post", where),
                    OwnerPerson = control.OwnerPost is null ? ownerPerson : null,
                    Effectiveness = Enum.TryParse<ControlEffectiveness>(control.Effectiveness, ignoreCase: true, out var e)
                        ? e : throw new DemoDataException($"{fileName}: {where} has effectiveness '{control.Effectiveness}'."),
                });
            }

            foreach (var key in source.Plans ?? [])
            {
                risk.Links.Add(new RiskLink { OrganisationId = organisation.Id, Plan = Resolve(_plans, key, "plan", where) });
            }

            var reviewer = ownerPerson?.Name ?? ownerPost?.Title ?? "Risk owner";
            foreach (var review in source.Reviews ?? [])
            {
                var score = Score(review.Score, matrix, where);
                risk.Reviews.Add(new RiskReview
                {
                    OrganisationId = organisation.Id, Quarter = Period.QuarterContaining(review.On, organisation.YearStartMonth),
                    ReviewedOn = review.On, Likelihood = score.Likelihood, Impact = score.Impact, ReviewerName = reviewer,
                    At = new DateTimeOffset(review.On.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                    Commentary = "Demonstration review: the seeds give no scores.", IsDemonstration = true,
                });
            }

            risk.LastReviewedOn = risk.Reviews.Count == 0 ? null : risk.Reviews.Max(r => r.ReviewedOn);
            risk.ReviewDue = risk.LastReviewedOn is { } last
                ? RiskRules.ReviewDue(matrix.Bands, RiskRules.Score(current.Likelihood, current.Impact), last)
                : null;
            if (source.Closed is { } closed)
            {
                (risk.State, risk.ClosedOn, risk.ClosedReason, risk.ReviewDue) = (RiskState.Closed, closed.On, closed.Reason, null);
            }

            if (source.Escalation is { } escalation)
            {
                risk.Escalations.Add(new RiskEscalation
                {
                    OrganisationId = organisation.Id, ProposedScore = RiskRules.Score(current.Likelihood, current.Impact),
                    ProposedAt = new DateTimeOffset(escalation.On.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                    ProposedByName = escalation.By, Reason = escalation.Reason, State = EscalationState.Proposed,
                });
            }

            return risk;
        }

        /// <summary>A [likelihood, impact] pair on the matrix's scales.</summary>
        private (int Likelihood, int Impact) Score(int[] pair, RiskMatrix matrix, string where) =>
            pair is [var l, var i] && l >= 1 && l <= matrix.LikelihoodLevels && i >= 1 && i <= matrix.ImpactLevels
                ? (l, i)
                : throw new DemoDataException($"{fileName}: {where} has a score outside the {matrix.LikelihoodLevels}×{matrix.ImpactLevels} matrix.");
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Messages;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Bench;

/// <summary>The monitoring records the pages of a round are measured on.</summary>
public sealed record CountyRounds(int OpenRoundId, int ReturnId, int Corrections, int MilestonePlanId, int MilestoneId);

public sealed partial class CountyGenerator
{
    /// <summary>
    /// At most this many returns are moved on (submitted, signed off, returned with a note), so that a large county's
    /// generation stays within minutes; the rest stay with their owners, as an open round's mostly do.
    /// </summary>
    private const int ReturnsWorked = 300;

    /// <summary>
    /// Through Core's editors, as the performance officer, owners and heads of unit would: the quarter before last closed
    /// (its values locked) and a few of its values corrected with a reason; the quarter just ended open, a notice of it
    /// to every owner, and returns in every state — submitted, signed off, returned with a note, not started (the
    /// owner of many indicators' among them, so that My return is measured with everything to do).
    /// </summary>
    private async Task<CountyRounds> AddRoundsAsync(int planId, CancellationToken ct)
    {
        var ysm = _organisation.YearStartMonth;
        var lastQuarter = Period.QuarterContaining(_organisation.Today(TimeProvider.System), ysm).Previous();
        var milestoneId = await AddMilestonesAsync(planId, lastQuarter, ct);
        var officer = OfficerActor();
        var closed = await OpenRoundAsync(officer, lastQuarter.Previous(), ct);
        await using (var scope = Enter())
        {
            Require(await scope.ServiceProvider.GetRequiredService<RoundEditor>().CloseAsync(officer, closed.Id, closed.Version, ct), "close a round");
        }

        var corrections = await CorrectAsync(officer, lastQuarter.Previous(), ct);
        var open = await OpenRoundAsync(officer, lastQuarter, ct);
        var returnId = await MoveReturnsOnAsync(open, ct);
        return new CountyRounds(open.Id, returnId, corrections, planId, milestoneId);
    }

    /// <summary>
    /// The first plan's milestones (a supporting objective measured by them), owned by the owner of many indicators, with
    /// progress reported for the quarter before last: the last quarter's is asked for in the round.
    /// </summary>
    private async Task<int> AddMilestonesAsync(int planId, Period lastQuarter, CancellationToken ct)
    {
        await using var scope = Enter();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var level = new FrameworkLevel { OrganisationId = _organisation.Id, Key = "priority", Name = "Priority", PluralName = "Priorities" };
        var objective = new Objective { OrganisationId = _organisation.Id, Level = level, Reference = "P1", Title = "Deliver the county's plans on time" };
        var inPlan = new PlanObjective { OrganisationId = _organisation.Id, PlanId = planId, Objective = objective, Role = PlanObjectiveRole.SupportingObjective };
        var (user, _, _) = _holders[OwnerPost];
        var year = lastQuarter.FinancialYearOf(_organisation.YearStartMonth);
        for (var m = 0; m < Math.Max(4, size.ActionsPerPlan / 5); m++)
        {
            var milestone = new Milestone { OrganisationId = _organisation.Id, Title = Words.ActionTitle(_random), OwnerPostId = _posts[OwnerPost].Id };
            milestone.Targets.Add(new MilestoneTarget { OrganisationId = _organisation.Id, Year = year, Text = $"By {year.End:MMMM yyyy}" });
            inPlan.Measures.Add(new PlanMeasure { OrganisationId = _organisation.Id, Milestone = milestone, SortOrder = m });
            db.Add(new MilestoneProgress
            {
                OrganisationId = _organisation.Id, Milestone = milestone, Period = lastQuarter.Previous(),
                State = (MilestoneState)(1 + (m % 3)), RevisedMonth = m % 3 == 2 ? Period.Month(year.End.Year, year.End.Month) : null,
                Commentary = Words.Sentences(_random, 1), Remedial = m % 3 == 2 ? Words.Sentences(_random, 1) : null,
                EnteredByUserId = user.Id, EnteredByName = user.DisplayName, EnteredAt = DateTimeOffset.UtcNow,
            });
        }

        db.Add(inPlan);
        await db.SaveChangesAsync(ct);
        return inPlan.Measures[0].MilestoneId!.Value;
    }

    private Actor OfficerActor()
    {
        var (user, person, _) = _holders[2];
        return new Actor(user.Id, user.DisplayName, _organisation.Id, Role.PerformanceOfficer, WholeOrganisation: true, new HashSet<int>(), person.Id, new HashSet<int>());
    }

    private async Task<MonitoringRound> OpenRoundAsync(Actor officer, Period period, CancellationToken ct)
    {
        await using var scope = Enter();
        var rounds = scope.ServiceProvider.GetRequiredService<RoundEditor>();
        var form = Require(await rounds.OpenFormAsync(officer, period.Code, ct), "see the deadlines of a round");
        return Require(await rounds.OpenAsync(officer, new OpenRoundInput(period.Code, form.Deadlines.Returns, form.Deadlines.SignOff, null, null), ct),
            $"open the {period.Code} round");
    }

    /// <summary>Raises some of the owner's first month of the locked quarter by 2%, each with its reason.</summary>
    private async Task<int> CorrectAsync(Actor officer, Period locked, CancellationToken ct)
    {
        var month = Period.Month(locked.Start.Year, locked.Start.Month);
        var ownerPost = _posts[OwnerPost].Id;
        await using var scope = Enter();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<IndicatorValueEditor>();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Period == month && v.Value != null && v.Indicator!.DataOwnerPostId == ownerPost)
            .OrderBy(v => v.IndicatorId).Take(Math.Max(4, size.OwnerIndicators / 5))
            .Select(v => new { v.IndicatorId, v.Value, v.Commentary, v.Version }).ToListAsync(ct);
        var corrected = 0;
        foreach (var v in values)
        {
            var input = new ValueInput(month.Code, Math.Round(v.Value!.Value * 1.02m, 0).ToString(CultureInfo.InvariantCulture), false, null,
                v.Commentary ?? "Corrected.", v.Version)
            {
                ConfirmUnusual = true, Remedial = "A recovery plan is agreed with the service.",
                CorrectionReason = "The supplier re-issued the month's figures after the quarter was reported.",
            };
            if ((await editor.SaveAsync(officer, v.IndicatorId, input, ct)).Outcome == EditOutcome.Done)
            {
                corrected++;
            }
        }

        return corrected;
    }

    /// <summary>Moves returns on in turn: submitted; submitted and signed off; submitted and one item returned with a note; left.</summary>
    private async Task<int> MoveReturnsOnAsync(MonitoringRound round, CancellationToken ct)
    {
        var postOfPerson = Enumerable.Range(0, _posts.Count).ToDictionary(n => _holders[n].Person.Id);
        var ownerPerson = _holders[OwnerPost].Person.Id;
        List<(int Id, int PersonId, int? UnitId)> returns;
        await using (var scope = Enter())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            returns = [.. (await db.RoundReturns.AsNoTracking().Where(r => r.RoundId == round.Id).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.PersonId, r.UnitId }).ToListAsync(ct)).Select(r => (r.Id, r.PersonId, r.UnitId))];
            var notices = scope.ServiceProvider.GetRequiredService<Notices>();
            foreach (var r in returns)
            {
                await notices.SendAsync(_organisation.Id, r.PersonId, NoticeKind.RoundOpened,
                    new Placeholders { ["round"] = round.Period.Format(_organisation.YearStartMonth) }, $"/{Slug}/my-return/{round.Id}", null, ct);
            }
        }

        var firstSubmitted = 0;
        var worked = 0;
        var refusals = new List<string>();
        foreach (var r in returns.Where(r => r.PersonId != ownerPerson && postOfPerson.ContainsKey(r.PersonId)).Take(ReturnsWorked))
        {
            var step = worked++ % 4;
            if (step == 3)
            {
                continue;
            }

            await using var scope = Enter();
            var editor = scope.ServiceProvider.GetRequiredService<ReturnEditor>();
            var version = (await scope.ServiceProvider.GetRequiredService<ReturnQueries>().FindAsync(r.Id, ct))!.Return.Version;
            var submitted = await editor.SubmitAsync(ActorOf(postOfPerson[r.PersonId]), r.Id, version, ct);
            if (submitted.Outcome != EditOutcome.Done)
            {
                refusals.Add($"{submitted.Outcome} {submitted.Reason}");
                continue;
            }

            firstSubmitted = firstSubmitted == 0 ? r.Id : firstSubmitted;
            if (HeadOf(r.UnitId) is not { } head || head == postOfPerson[r.PersonId])
            {
                continue;
            }

            var manager = ActorOf(head);
            if (step == 1)
            {
                await editor.SignOffAsync(manager, r.Id, submitted.Record!.Return.Version, ct);
            }
            else if (step == 2)
            {
                await editor.ReturnItemAsync(manager, r.Id, submitted.Record!.Items[0].Item.Id,
                    "Check this against the service's own records before it goes to Cabinet.", submitted.Record.Return.Version, ct);
            }
        }

        return firstSubmitted != 0 ? firstSubmitted
            : throw new InvalidOperationException($"No return could be submitted: {string.Join("; ", refusals.Distinct().Take(3))}");
    }

    private int? HeadOf(int? unitId) =>
        _units.FirstOrDefault(u => u.Id == unitId)?.HeadPostId is { } postId ? _postIndex.GetValueOrDefault(postId, -1) is var n and >= 0 ? n : null : null;

    private static T Require<T>(EditResult<T> result, string what) where T : class =>
        result.Outcome == EditOutcome.Done ? result.Record!
            : throw new InvalidOperationException($"The generator could not {what}: {result.Outcome} {result.Reason} {string.Join("; ", result.Errors.Values)}");
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Core.Demo;

public sealed partial class DemoLoader
{
    /// <summary>The words every invented note and reason starts with, so nobody takes them for the council's.</summary>
    public const string DemonstrationNote = "Demonstration:";

    /// <summary>
    /// The demonstration's monitoring rounds, made through the editors a performance officer, the owners and their
    /// managers use, each step on its own day (a clock and an organisation's "today" set to it), so the audit trail, the
    /// notices and every date are what those people would have produced:
    /// <list type="bullet">
    /// <item>South Cambridgeshire: Q3 2011/12 open, its returns due 8 working days after the quarter (so, as at 16 January
    /// 2012, overdue), with returns signed off, submitted, returned with a note, in progress and not started;</item>
    /// <item>Stockton-on-Tees: Q3 2010/11 opened and closed in early 2011, every complete return signed off, then two
    /// of its figures corrected, so the restatement register has rows.</item>
    /// </list>
    /// Only returns whose every item is already entered are submitted: the demonstration's values are not invented here
    /// (South Cambridgeshire's Q3 2011/12 figures stay empty and due).
    /// </summary>
    private sealed partial class Builder
    {
        private async Task AddRoundsAsync(CancellationToken ct)
        {
            if (organisation.Slug is not ("south-cambridgeshire" or "stockton-on-tees"))
            {
                return;
            }

            // The council's rows are saved: the editors below need none of them tracked (each save would look at them all).
            db.ChangeTracker.Clear();
            var council = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id, ct);
            using var visit = db.Scope.Visit(council);
            var run = new RoundRun(db, council);
            if (organisation.Slug == "south-cambridgeshire")
            {
                await run.SouthCambridgeshireAsync(ct);
            }
            else
            {
                await run.StocktonAsync(ct);
            }
        }
    }

    /// <summary>The steps of the demonstration's rounds in one council, each on its day.</summary>
    private sealed class RoundRun(WaymarkDbContext db, Organisation council)
    {
        private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
        private readonly DemoClock clock = new();

        private Actor Officer => new(0, "Performance team (demonstration)", council.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

        public async Task SouthCambridgeshireAsync(CancellationToken ct)
        {
            var period = Period.Quarter(2011, 3, council.YearStartMonth);
            var deadlines = RoundRules.Deadlines(period, 8, 5, HolidayCalendar.For([]));
            var round = await OpenAsync(period, deadlines, new DateOnly(2012, 1, 3), ct);

            // Five returns asking for no figure (their Q3 values stay empty) are completed: what is missing of their
            // actions' and milestones' progress is entered, as their owners would before submitting.
            var ready = await CompleteReturnsAsync(round.Id, 5, new DateOnly(2012, 1, 9), ct);

            // Signed off; signed off today; submitted on the deadline; returned with a note; submitted late.
            await SubmitAsync(ready.ElementAtOrDefault(0), deadlines.Returns.AddDays(-2), ct);
            await SignOffAsync(ready.ElementAtOrDefault(0), deadlines.Returns.AddDays(1), ct);
            await SubmitAsync(ready.ElementAtOrDefault(1), deadlines.Returns.AddDays(-1), ct);
            await SignOffAsync(ready.ElementAtOrDefault(1), council.Today(clock), ct);
            await SubmitAsync(ready.ElementAtOrDefault(2), deadlines.Returns, ct);
            await SubmitAsync(ready.ElementAtOrDefault(3), deadlines.Returns.AddDays(1), ct);
            await ReturnItemAsync(ready.ElementAtOrDefault(3), council.Today(clock),
                $"{DemonstrationNote} please say in the commentary what the figures for the quarter show and what happens next.", ct);
            await SubmitAsync(ready.ElementAtOrDefault(4), council.Today(clock), ct);
        }

        public async Task StocktonAsync(CancellationToken ct)
        {
            var period = Period.Quarter(2010, 3, council.YearStartMonth);
            var deadlines = RoundRules.Deadlines(period, Organisation.DefaultReturnsWorkingDays, Organisation.DefaultSignOffWorkingDays, HolidayCalendar.For([]));
            var round = await OpenAsync(period, deadlines, new DateOnly(2011, 1, 4), ct);
            var ready = await CompleteReturnsAsync(round.Id, int.MaxValue, new DateOnly(2011, 1, 10), ct);
            var day = 0;
            foreach (var id in ready)
            {
                await SubmitAsync(id, deadlines.Returns.AddDays(-(day++ % 5)), ct);
                await SignOffAsync(id, deadlines.SignOff, ct);
            }

            var closedOn = WorkingDays.After(deadlines.SignOff, 5, HolidayCalendar.For([]));
            Enter(closedOn);
            var tracked = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id, ct);
            Check(await new RoundEditor(db, clock, Notify()).CloseAsync(Officer, round.Id, tracked.Version, ct), "close the round");
            await CorrectAsync(period, ct);
        }

        /// <summary>Two of the closed quarter's figures corrected after the round closed, as a performance officer would.</summary>
        private async Task CorrectAsync(Period period, CancellationToken ct)
        {
            Enter(new DateOnly(2011, 3, 14));

            // In memory, so that every provider picks the same two (the order of text differs between databases).
            var values = (await db.IndicatorValues.AsNoTracking().Include(v => v.Indicator)
                    .Where(v => v.Period == period && v.Value != null && v.Indicator!.Calculation == CalculationKind.None).ToListAsync(ct))
                .OrderBy(v => v.Indicator!.Code, StringComparer.Ordinal).ThenBy(v => v.Id).ToList();
            var editor = new IndicatorValueEditor(db, clock);
            var corrected = 0;
            foreach (var value in values)
            {
                var indicator = value.Indicator!;
                var result = await editor.SaveAsync(Officer, indicator.Id, new ValueInput(
                    period.Code, (value.Value!.Value + (indicator.DecimalPlaces == 0 ? 1 : 0.1m)).ToString(CultureInfo.InvariantCulture), false, null,
                    value.Commentary ?? DemonstrationNote, value.Version)
                {
                    ConfirmUnusual = true,
                    Remedial = value.Remedial ?? $"{DemonstrationNote} the service's recovery plan is being followed.",
                    CorrectionReason = $"{DemonstrationNote} the figure was recalculated after late returns from a partner.",
                }, ct);
                db.ChangeTracker.Clear();

                // A figure the rules will not take as corrected (out of its range, say) is passed over for the next.
                if (result.Outcome == EditOutcome.Done && ++corrected == 2)
                {
                    return;
                }
            }
        }

        private async Task<MonitoringRound> OpenAsync(Period period, RoundDeadlines deadlines, DateOnly on, CancellationToken ct)
        {
            Enter(on);
            var result = await new RoundEditor(db, clock, Notify()).OpenAsync(Officer,
                new OpenRoundInput(period.Code, deadlines.Returns, deadlines.SignOff, null, null), ct);
            Check(result, $"open the {period.Format(council.YearStartMonth)} round");
            db.ChangeTracker.Clear();
            return result.Record!;
        }

        /// <summary>
        /// Up to <paramref name="count"/> returns of the round whose figures are all entered (none missing), with what
        /// they lack of actions' and milestones' progress entered on <paramref name="on"/>: fewest missing first, then by
        /// their owners' names. No figure is invented.
        /// </summary>
        private async Task<IReadOnlyList<int>> CompleteReturnsAsync(int roundId, int count, DateOnly on, CancellationToken ct)
        {
            var queries = new ReturnQueries(db, clock);
            var ids = await db.RoundReturns.AsNoTracking().Where(r => r.RoundId == roundId)
                .OrderBy(r => r.Person!.Name).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            var candidates = new List<ReturnView>();
            foreach (var id in ids)
            {
                if (await queries.FindAsync(id, ct) is { } view && view.Missing.All(m => m.Item.Kind != RoundItemKind.IndicatorValue))
                {
                    candidates.Add(view);
                }
            }

            Enter(on);
            var ready = new List<int>();
            foreach (var view in candidates.OrderBy(v => v.Missing.Count).Take(count))
            {
                var entered = true;
                foreach (var item in view.Missing)
                {
                    entered &= await EnterAsync(view.Round.Period, item, ct);
                }

                if (entered)
                {
                    ready.Add(view.Return.Id);
                }
            }

            return ready;
        }

        /// <summary>An action's update ("green", else "amber", with commentary) or a milestone's progress ("on track") for the period.</summary>
        private async Task<bool> EnterAsync(Period period, ReturnItemView item, CancellationToken ct)
        {
            const string Commentary = $"{DemonstrationNote} progress as planned this quarter.";
            if (item.Item is { Kind: RoundItemKind.ActionProgress, ActionId: { } actionId } && item.PlanId is { } planId)
            {
                var progress = new ActionProgress(db, clock);
                foreach (var rag in new[] { "green", "amber" })
                {
                    var result = await progress.RecordUpdateAsync(Officer, planId, actionId, new ProgressInput(period.Code, rag, Commentary, null) { Status = "on-going" }, ct);
                    db.ChangeTracker.Clear();
                    if (result.Outcome == EditOutcome.Done)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (item.Item is { Kind: RoundItemKind.MilestoneProgress, MilestoneId: { } milestoneId })
            {
                var plans = await db.PlanMeasures.AsNoTracking().Where(m => m.MilestoneId == milestoneId).Select(m => m.PlanObjective!.PlanId).Distinct().ToListAsync(ct);
                foreach (var plan in plans)
                {
                    var result = await new MilestoneProgressEditor(db, clock).RecordAsync(Officer, plan, milestoneId,
                        new MilestoneProgressInput(period.Code, "on-track", null, null, Commentary, null), ct);
                    db.ChangeTracker.Clear();
                    if (result.Outcome == EditOutcome.Done)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private async Task SubmitAsync(int id, DateOnly on, CancellationToken ct)
        {
            if (id == 0)
            {
                return;
            }

            Enter(on);
            var personId = await db.RoundReturns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.PersonId, r.Person!.Name }).SingleAsync(ct);
            var owner = new Actor(0, personId.Name, council.Id, Role.LeadOfficer, false, new HashSet<int>(), personId.PersonId, new HashSet<int>());
            Check(await Returns().SubmitAsync(owner, id, await VersionAsync(id, ct), ct), "submit a return");
        }

        private async Task SignOffAsync(int id, DateOnly on, CancellationToken ct)
        {
            if (id == 0)
            {
                return;
            }

            Enter(on);
            Check(await Returns().SignOffAsync(Officer, id, await VersionAsync(id, ct), ct), "sign off a return");
        }

        private async Task ReturnItemAsync(int id, DateOnly on, string note, CancellationToken ct)
        {
            if (id == 0)
            {
                return;
            }

            Enter(on);
            var item = await db.RoundReturnItems.AsNoTracking().Where(i => i.ReturnId == id).OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(i => i.Id).FirstAsync(ct);
            Check(await Returns().ReturnItemAsync(Officer, id, item, note, await VersionAsync(id, ct), ct), "return an item");
        }

        private Task<Guid> VersionAsync(int id, CancellationToken ct) =>
            db.RoundReturns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);

        private ReturnEditor Returns() => new(db, clock, new ReturnQueries(db, clock), Notify());

        // The demonstration never e-mails: its notices are in-app only.
        private ReturnNotices Notify() => new(db, new Notices(db, new MailSettings(), clock));

        /// <summary>
        /// Makes <paramref name="day"/> the council's today, at 10:00: <see cref="council"/> is the untracked copy the scope
        /// is in while the rounds are made, so its date is never saved.
        /// </summary>
        private void Enter(DateOnly day)
        {
            council.AsAt = day;
            clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        }

        private void Check<T>(EditResult<T> result, string what)
            where T : class
        {
            if (result.Outcome != EditOutcome.Done)
            {
                throw new DemoDataException(string.Create(British,
                    $"{council.Slug}: could not {what}: {result.Outcome} {result.Reason} {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))}"));
            }
        }
    }

    /// <summary>A clock the demonstration sets to each step's moment.</summary>
    private sealed class DemoClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

/// <summary>Property tests: for a numeric target, status never gets worse as the actual moves in the good direction.</summary>
public class StatusMonotonicityTests
{
    private const int Cases = 5000;

    private static int Badness(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => 0,
        IndicatorStatus.Amber => 1,
        IndicatorStatus.Red => 2,
        _ => throw new InvalidOperationException($"A value with a numeric target gave {status}."),
    };

    // A decimal in [-range, range] with 0–4 decimal places.
    private static decimal NextDecimal(Random random, int range)
    {
        var places = random.Next(0, 5);
        var scale = (decimal)Math.Pow(10, places);
        var whole = random.NextInt64(-range * (long)scale, (range * (long)scale) + 1);
        return whole / scale;
    }

    private static Tolerance NextTolerance(Random random) => random.Next(3) switch
    {
        0 => Tolerance.Default,
        1 => Tolerance.PercentOf(Math.Abs(NextDecimal(random, 50))),
        _ => Tolerance.AbsoluteAmount(Math.Abs(NextDecimal(random, 100))),
    };

    // Actuals spread widely, plus some exactly on the boundaries T and T ∓ t, where mistakes would show.
    private static decimal NextActual(Random random, decimal target, decimal band) => random.Next(6) switch
    {
        0 => target,
        1 => target - band,
        2 => target + band,
        3 => target + NextDecimal(random, 5),
        _ => NextDecimal(random, 1000),
    };

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 20090401)]
    [InlineData(Polarity.HigherIsBetter, 7)]
    [InlineData(Polarity.LowerIsBetter, 20090401)]
    [InlineData(Polarity.LowerIsBetter, 7)]
    public void Status_IsMonotonicInActual(Polarity polarity, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var target = NextDecimal(random, 1000);
            var tolerance = NextTolerance(random);
            var band = tolerance.For(target);
            var a1 = NextActual(random, target, band);
            var a2 = NextActual(random, target, band);
            var (worse, better) = polarity == Polarity.HigherIsBetter
                ? (Math.Min(a1, a2), Math.Max(a1, a2))
                : (Math.Max(a1, a2), Math.Min(a1, a2));

            var worseStatus = IndicatorRules.Status(worse, Target.Numeric(target), polarity, tolerance, isDue: true);
            var betterStatus = IndicatorRules.Status(better, Target.Numeric(target), polarity, tolerance, isDue: true);

            Assert.True(Badness(betterStatus) <= Badness(worseStatus),
                $"{polarity}, target {target}, {tolerance}: {better} gave {betterStatus} but {worse} gave {worseStatus}.");
        }
    }

    // Lower is better is the mirror of higher is better: status(A, T) for lower = status(−A, −T) for higher.
    [Fact]
    public void LowerIsBetter_IsTheMirrorOfHigherIsBetter()
    {
        var random = new Random(975);
        for (var i = 0; i < Cases; i++)
        {
            var target = NextDecimal(random, 1000);
            var tolerance = NextTolerance(random);
            var actual = NextActual(random, target, tolerance.For(target));

            var lower = IndicatorRules.Status(actual, Target.Numeric(target), Polarity.LowerIsBetter, tolerance, true);
            var higher = IndicatorRules.Status(-actual, Target.Numeric(-target), Polarity.HigherIsBetter, tolerance, true);

            Assert.Equal(higher, lower);
        }
    }

    // On target is exactly A at or past T in the good direction, whatever the tolerance.
    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    public void Green_ExactlyWhenAtOrPastTarget(Polarity polarity)
    {
        var random = new Random(34);
        for (var i = 0; i < Cases; i++)
        {
            var target = NextDecimal(random, 1000);
            var tolerance = NextTolerance(random);
            var actual = NextActual(random, target, tolerance.For(target));

            var status = IndicatorRules.Status(actual, Target.Numeric(target), polarity, tolerance, true);

            var atOrPast = polarity == Polarity.HigherIsBetter ? actual >= target : actual <= target;
            Assert.Equal(atOrPast, status == IndicatorStatus.Green);
        }
    }
}

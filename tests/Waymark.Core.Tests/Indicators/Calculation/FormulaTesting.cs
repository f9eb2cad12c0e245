using Waymark.Core.Indicators.Calculation;

namespace Waymark.Core.Tests.Indicators.Calculation;

internal static class FormulaTesting
{
    /// <summary>Parses text the test expects to be a formula, failing with the parser's message if it is not.</summary>
    public static Formula ParseOrFail(string text)
    {
        var result = Formula.Parse(text);
        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Error);
        Assert.Null(result.Position);
        return result.Formula;
    }
}

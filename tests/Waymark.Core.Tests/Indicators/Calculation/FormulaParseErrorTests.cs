using Waymark.Core.Indicators.Calculation;

namespace Waymark.Core.Tests.Indicators.Calculation;

public class FormulaParseErrorTests
{
    private static FormulaParseResult Fails(string? text)
    {
        var result = Formula.Parse(text);
        Assert.False(result.Succeeded);
        Assert.Null(result.Formula);
        return result;
    }

    private static void FailsWith(string? text, string expected, int? position)
    {
        var result = Fails(text);
        Assert.Equal(expected, result.Error);
        Assert.Equal(position, result.Position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void EmptyText_IsEmpty(string? text) => FailsWith(text, "The formula is empty", null);

    [Fact]
    public void UnexpectedClosingBracket_NamesItsPosition() =>
        FailsWith("(A + B))", "Unexpected ')' at character 8", 8);

    [Fact]
    public void ClosingBracketWhereAValueIsNeeded_NamesItsPosition() =>
        FailsWith("(A + )", "Unexpected ')' at character 6", 6);

    [Fact]
    public void UnclosedBracket_NamesTheOpeningBracket() =>
        FailsWith("2 * (A + B", "The '(' at character 5 is not closed: a ')' is missing", 5);

    [Fact]
    public void UnclosedFunction_NamesTheFunctionsBracket() =>
        FailsWith("min(A, B", "The '(' of min at character 4 is not closed: a ')' is missing", 4);

    [Fact]
    public void FormulaEndingWithAnOperator_SaysWhatIsMissing() =>
        FailsWith("A / B ×", "The formula ends too soon: a number or name is missing after '×' at character 7", 7);

    [Fact]
    public void UnknownFunction_IsNamed() =>
        FailsWith(
            "sqrt(A)",
            "Unknown function 'sqrt' at character 1: the functions are min, max, abs and round",
            1);

    [Fact]
    public void ThousandsSeparator_IsRejected() =>
        FailsWith(
            "A / 1,000",
            "Use numbers without thousands separators: write 1000, not 1,000 (character 5). Between the values of a "
            + "function, put a space after the comma",
            5);

    [Fact]
    public void ManyThousandsSeparators_AreRejected() =>
        Assert.StartsWith(
            "Use numbers without thousands separators: write 1234567.5, not 1,234,567.5",
            Fails("1,234,567.5").Error,
            StringComparison.Ordinal);

    [Fact]
    public void CommaOutsideAFunction_IsUnexpected() =>
        FailsWith(
            "A, B",
            "Unexpected ',' at character 2: commas only separate the values of min, max and round",
            2);

    [Fact]
    public void DecimalComma_IsUnexpected() =>
        FailsWith(
            "1,5 * A",
            "Unexpected ',' at character 2: commas only separate the values of min, max and round",
            2);

    [Fact]
    public void UnknownCharacter_IsNamed()
    {
        FailsWith("A ^ 2", "Unexpected character '^' at character 3", 3);
        FailsWith("\"A\"", "Unexpected character '\"' at character 1", 1);
        FailsWith("A + 😀", "Unexpected character '😀' at character 5", 5);
        FailsWith("Å", "Unexpected character 'Å' at character 1", 1);
    }

    [Fact]
    public void NumberWithoutALeadingDigit_SaysHowToWriteIt() =>
        FailsWith(
            ".5 * A",
            "Unexpected character '.' at character 1: write a number with a digit before the point, like 0.5",
            1);

    [Fact]
    public void NumberWithTwoPoints_IsRejected() =>
        FailsWith(
            "1.2.3",
            "Unexpected character '.' at character 4: write a number with a digit before the point, like 0.5",
            4);

    [Fact]
    public void TwoValuesWithNoOperator_SaysAnOperatorIsMissing()
    {
        FailsWith("2A", "An operator is missing before 'A' at character 2", 2);
        FailsWith("A B", "An operator is missing before 'B' at character 3", 3);
        FailsWith("2 (A)", "An operator is missing before '(' at character 3", 3);
    }

    [Fact]
    public void OperatorWithNoLeftValue_IsUnexpected()
    {
        FailsWith("* A", "Unexpected '*' at character 1", 1);
        FailsWith("+A", "Unexpected '+' at character 1", 1);
        FailsWith("A + / B", "Unexpected '/' at character 5", 5);
        FailsWith("()", "Unexpected ')' at character 2", 2);
    }

    [Fact]
    public void WrongNumberOfFunctionValues_SaysHowToWriteIt()
    {
        FailsWith("round(A)", "'round' at character 1 takes 2 values, written round(x, n), but has 1", 1);
        FailsWith("abs(A, B)", "'abs' at character 1 takes one value, written abs(x), but has 2", 1);
    }

    [Theory]
    [InlineData("round(A, B)")]
    [InlineData("round(A, 1.5)")]
    [InlineData("round(A, -1)")]
    [InlineData("round(A, 29)")]
    public void RoundPlaces_MustBeAWholeNumberFrom0To28(string text) =>
        FailsWith(
            text,
            "In 'round' at character 1, the number of decimal places must be a whole number from 0 to 28",
            1);

    [Fact]
    public void FunctionNameWithoutBrackets_SaysHowToWriteIt() =>
        FailsWith("A + max", "'max' at character 5 is a function: write it as max(x, y)", 5);

    [Fact]
    public void NumberTooLargeForADecimal_IsRejected() =>
        FailsWith("A * 99999999999999999999999999999999", "The number at character 5 is too large", 5);

    [Fact]
    public void Depth_UpTo50Brackets_IsAccepted()
    {
        var text = new string('(', 50) + "A" + new string(')', 50);
        Assert.True(Formula.Parse(text).Succeeded);
    }

    [Fact]
    public void Depth_Over50Brackets_IsRejectedWithAMessage()
    {
        var text = new string('(', 51) + "A" + new string(')', 51);
        FailsWith(
            text,
            "The formula is nested too deeply at character 51: at most 50 brackets may be open at once",
            51);
    }

    [Fact]
    public void Depth_CountsFunctionBrackets() =>
        Assert.StartsWith(
            "The formula is nested too deeply at character",
            Fails(string.Concat(Enumerable.Repeat("abs(", 60)) + "A" + new string(')', 60)).Error,
            StringComparison.Ordinal);

    [Fact]
    public void Depth_HugeNesting_DoesNotOverflowTheStack()
    {
        // Within the length limit when spaces are not counted, and far deeper than the stack would take unchecked.
        var text = new string('(', 100_000) + "A" + new string(')', 100_000);
        Assert.StartsWith("The formula is too long", Fails(text).Error, StringComparison.Ordinal);
        Assert.StartsWith(
            "The formula is nested too deeply", Fails(new string('(', 499) + "A").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyMinusSigns_AreLongNotDeep()
    {
        var result = Formula.Parse(new string('-', 400) + "A");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2m, result.Formula.Evaluate(new Dictionary<string, decimal?> { ["A"] = 2m }));
    }

    [Fact]
    public void Length_500CharactersIsAccepted_501IsNot()
    {
        var ok = "A" + string.Concat(Enumerable.Repeat("+1", 249)) + "9"; // 1 + 498 + 1 = 500
        Assert.Equal(500, ok.Length);
        Assert.True(Formula.Parse(ok).Succeeded);

        FailsWith(
            ok + "9",
            "The formula is too long: it has 501 characters (not counting spaces), and at most 500 are allowed",
            null);
    }

    [Fact]
    public void Length_DoesNotCountSpaces()
    {
        var spaced = string.Join("   ", Enumerable.Repeat("A", 250).Select((a, i) => i == 0 ? a : "+ " + a));
        Assert.True(spaced.Length > 500);
        Assert.True(Formula.Parse(spaced).Succeeded);
    }
}

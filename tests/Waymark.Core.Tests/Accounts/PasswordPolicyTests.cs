using Waymark.Core.Accounts;

namespace Waymark.Core.Tests.Accounts;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Tr0ub4dor&3-but-longer")]
    [InlineData("ein schönes Passwort mit Leerzeichen")]
    [InlineData("£££ pound signs and spaces 2026")]
    public void Check_LongUncommonPassword_IsAccepted(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, ["jane.smith@council.gov.uk", "Jane Smith"]));

    [Fact]
    public void Check_NoComposition_RulesApply()
    {
        Assert.Empty(PasswordPolicy.Check("all lower case words only", []));
        Assert.Empty(PasswordPolicy.Check("ALL UPPER CASE WORDS ONLY", []));
    }

    [Theory]
    [InlineData("", "Enter a password")]
    [InlineData("elevenchars", "Password must be 12 characters or more")]
    public void Check_EmptyOrShort_SaysWhy(string password, string message) =>
        Assert.Equal([message], PasswordPolicy.Check(password, []));

    [Fact]
    public void Check_TooLong_IsRefused_But256IsAllowed()
    {
        Assert.Empty(PasswordPolicy.Check(new string('x', 100) + " a long passphrase " + new string('y', 137), []));
        Assert.Equal(["Password must be 256 characters or fewer"], PasswordPolicy.Check(new string('q', 120) + " " + new string('z', 136), []));
    }

    [Theory]
    [InlineData("123qweasdzxc")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("QWERTY123456")]
    [InlineData("leavemealone")]
    public void Check_CommonPassword_IsRefused(string password) =>
        Assert.StartsWith("Password is too common", Assert.Single(PasswordPolicy.Check(password, [])), StringComparison.Ordinal);

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("98765432109876")]
    [InlineData("qwertyuiopasdf")]
    public void Check_RepeatedOrSequence_IsRefused(string password) =>
        Assert.Single(PasswordPolicy.Check(password, []));

    [Fact]
    public void Check_BasedOnTheirOwnName_IsRefused()
    {
        var problems = PasswordPolicy.Check("JaneSmith2026!", ["jane.smith@council.gov.uk", "Jane Smith"]);

        Assert.Equal(["Password must not be based on your name, your username or the name of this service"], problems);
        Assert.Single(PasswordPolicy.Check("waymark-2026!", []));
    }

    [Fact]
    public void CommonList_IsLoaded() => Assert.True(PasswordPolicy.CommonPasswordCount > 40_000);
}

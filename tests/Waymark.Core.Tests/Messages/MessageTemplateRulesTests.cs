using Waymark.Core.Messages;

namespace Waymark.Core.Tests.Messages;

/// <summary>Templates: named placeholders only, values put in once and encoded in the HTML version.</summary>
public class MessageTemplateRulesTests
{
    [Fact]
    public void Problem_NamesEachUnknownPlaceholder()
    {
        var problem = MessageTemplateRules.Problem("Dear {{person}}, see {{ password }} and {{System.Exit}}", "message");

        Assert.NotNull(problem);
        Assert.Contains("{{password}}, {{System.Exit}}", problem, StringComparison.Ordinal);
        Assert.Contains("are not placeholders", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("{{person}},", problem.Split("Use only")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dear {{person}")]
    [InlineData("Dear person}}")]
    [InlineData("{{{{person}}}}")]
    public void Problem_RefusesAPlaceholderThatIsNotClosed(string text) =>
        Assert.Contains("not closed", MessageTemplateRules.Problem(text, "subject"), StringComparison.Ordinal);

    [Fact]
    public void Problem_AcceptsEveryKnownPlaceholderAndEveryDefault()
    {
        var all = string.Join(" ", MessageTemplateRules.Known.Select(k => "{{ " + k.Name + " }}"));

        Assert.Null(MessageTemplateRules.Problem(all, "message"));
        Assert.All(NoticeKinds.All, kind =>
        {
            var (subject, body) = TemplateDefaults.For(kind);
            Assert.Null(MessageTemplateRules.Problem(subject, "subject"));
            Assert.Null(MessageTemplateRules.Problem(body, "message"));
        });
    }

    [Fact]
    public void Render_FillsValuesOnce_AndEncodesTheHtmlVersion()
    {
        var values = new Placeholders { ["person"] = "<b>Jo</b> & {{note}}", ["note"] = "never shown" };

        var message = MessageTemplateRules.Render("Hello\n{{person}}", "Dear {{person}},\n\nLine one\nline two {{round}}", values);

        Assert.Equal("Hello <b>Jo</b> & {{note}}", message.Subject);
        Assert.Equal("Dear <b>Jo</b> & {{note}},\n\nLine one\nline two ", message.Text);
        Assert.Contains("<p>Dear &lt;b&gt;Jo&lt;/b&gt; &amp; {{note}},</p><p>Line one<br>line two</p>", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.Html, StringComparison.Ordinal);
    }
}

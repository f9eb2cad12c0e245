using Waymark.Core.Plans.Documents;

namespace Waymark.Core.Tests.Plans.Documents;

public class PlanMarkdownTests
{
    [Fact]
    public void ToHtml_ParagraphsHeadingsListsAndEmphasis()
    {
        var html = PlanMarkdown.ToHtml("""
            Intro with **bold** and *italic*.

            ### Partners

            - one
            - two

            3. three
            4. four
            """);

        Assert.Equal(
            "<p>Intro with <strong>bold</strong> and <em>italic</em>.</p>\n"
            + "<h3>Partners</h3>\n"
            + "<ul>\n<li>one\n</li>\n<li>two\n</li>\n</ul>\n"
            + "<ol start=\"3\">\n<li>three\n</li>\n<li>four\n</li>\n</ol>\n",
            html);
    }

    [Fact]
    public void ToHtml_SafeLinks_AreKept()
    {
        Assert.Equal(
            "<p><a href=\"https://www.scambs.gov.uk/plans?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">plans</a></p>\n",
            PlanMarkdown.ToHtml("[plans](https://www.scambs.gov.uk/plans?a=1&b=2)"));
        Assert.Contains("<a href=\"mailto:policy@scambs.gov.uk\">", PlanMarkdown.ToHtml("<policy@scambs.gov.uk>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n")]
    [InlineData("Text <b onmouseover=\"alert(1)\">bold</b>", "<p>Text &lt;b onmouseover=&quot;alert(1)&quot;&gt;bold&lt;/b&gt;</p>\n")]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](JAVASCRIPT:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](jav&#x61;script:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](<java\tscript:alert(1)>)", "<p>x</p>\n")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n")]
    [InlineData("![x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("[x](\"onclick=alert(1))", "<p><a href=\"&quot;onclick=alert(1)\" rel=\"nofollow noopener noreferrer\">x</a></p>\n")]
    public void ToHtml_HostileInput_IsOnlyText(string markdown, string expected)
    {
        var html = PlanMarkdown.ToHtml(markdown);

        Assert.Equal(expected, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_HtmlBlocks_AreEscapedNotPassedThrough()
    {
        var html = PlanMarkdown.ToHtml("<div onclick=\"x()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>");

        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.Contains("&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/a", "https://example.org/a")]
    [InlineData("HTTP://example.org", "HTTP://example.org")]
    [InlineData("mailto:a@b.c", "mailto:a@b.c")]
    [InlineData("/plans/3", "/plans/3")]
    [InlineData("plans/3?x=a:b", "plans/3?x=a:b")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" javascript:alert(1)", null)]
    [InlineData("vbscript:x", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SafeUrl_AllowsHttpMailtoAndRelativeOnly(string? url, string? expected) =>
        Assert.Equal(expected, PlanMarkdown.SafeUrl(url));

    [Fact]
    public void ToHtml_Empty_IsEmpty()
    {
        Assert.Equal("", PlanMarkdown.ToHtml(null));
        Assert.Equal("", PlanMarkdown.ToHtml("  \n"));
    }
}

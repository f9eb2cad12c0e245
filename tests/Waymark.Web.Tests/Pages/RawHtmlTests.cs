using System.Text.RegularExpressions;
using Waymark.Core.Tests;

namespace Waymark.Web.Tests.Pages;

/// <summary>
/// No page writes raw HTML. In C# the build refuses the raw-HTML sinks (RS0030, src/Waymark.Web/BannedSymbols.txt), but
/// the analyzer cannot look at what Razor generates from a .cshtml (Razor's own code uses <c>Html.Raw</c> and
/// <c>new HtmlString</c> for tag-helper attributes), so the pages' source is read here instead.
/// </summary>
public partial class RawHtmlTests
{
    [Fact]
    public void Pages_WriteNoRawHtml()
    {
        var pages = RepositoryFiles.PathOf("src", "Waymark.Web", "Pages");
        var files = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories).ToList();

        var found = files
            .SelectMany(f => RawHtmlUses(File.ReadAllText(f)).Select(use => $"{Path.GetRelativePath(pages, f)}: {use}"))
            .ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == "TwoFactor.cshtml");
        Assert.True(found.Count == 0, "Pages that write raw HTML (let Razor encode, or use PlanMarkdownHtml or Display.ReferenceAndTitle):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("<p>@Html.Raw(Model.Text)</p>")]
    [InlineData("@Html .Raw(x)")]
    [InlineData("@(new HtmlString(Model.Text))")]
    [InlineData("@{ var h = new Microsoft.AspNetCore.Html.HtmlString(s); }")]
    [InlineData("@{ var h = new HtmlFormattableString(\"<b>{0}</b>\", s); }")]
    [InlineData("@{ builder.AppendHtml(s); }")]
    [InlineData("@{ builder.SetHtmlContent(s); }")]
    [InlineData("@{ builder.AppendHtmlLine(s); }")]
    [InlineData("@{ builder.AppendFormat(\"<b>{0}</b>\", s); }")]
    [InlineData("@((MarkupString)s)")]
    public void RawHtmlUses_FindsEachSink(string razor) => Assert.Single(RawHtmlUses(razor));

    [Theory]
    [InlineData("<p>@Model.Text</p>")]
    [InlineData("@PlanMarkdownHtml.Render(Model.Text)")]
    [InlineData("@Display.ReferenceAndTitle(Model.Reference, Model.Title)")]
    [InlineData("@(Model.Intro ?? HtmlString.Empty)")]
    [InlineData("<p>Use Html.Raw sparingly</p>")]
    public void RawHtmlUses_LeavesEncodedOutputAlone(string razor) => Assert.Empty(RawHtmlUses(razor));

    private static List<string> RawHtmlUses(string razor) => RawHtmlSink().Matches(razor).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\bHtml\s*\.\s*Raw\s*\(|\bnew\s+[\w.:]*\bHtml(Formattable)?String\s*\(|\.\s*(AppendHtml|AppendHtmlLine|SetHtmlContent|AppendFormat)\s*\(|\bMarkupString\b")]
    private static partial Regex RawHtmlSink();
}

using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Pages;

/// <summary>A method no handler of a page answers is refused with 405 and the methods it does answer, never a 500.</summary>
[Collection(ReadOnlyApp.Name)]
public class MethodNotAllowedTests(WaymarkFactory factory)
{
    [Theory]
    [InlineData("TRACE", "/south-cambridgeshire")]
    [InlineData("OPTIONS", "/south-cambridgeshire/framework")]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/accessibility")]
    public async Task AMethodThePageDoesNotAnswer_Is405WithTheMethodsItDoes(string method, string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task SignedIn_TraceOnAPageWithAForm_Is405_AndGetStillShowsIt()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var trace = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/south-cambridgeshire/indicators/new"));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/south-cambridgeshire/indicators/new"));
        using var get = await client.GetAsync(new Uri("/south-cambridgeshire/indicators/new", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], trace.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}

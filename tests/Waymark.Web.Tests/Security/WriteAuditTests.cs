using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Every endpoint that is not a GET, from the app's own route table, is called once successfully
/// (as a person would: the form as the page shows it, with something changed) and must leave an
/// entry in the audit trail. A new write endpoint without a recipe here fails.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class WriteAuditTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    /// <summary>Writes that change no record, with the reason.</summary>
    private static readonly Dictionary<string, string> NoRecordChanged = new(StringComparer.Ordinal)
    {
        ["POST /error/{code?}"] = "shows the error page for a failed POST; it changes nothing",
        ["POST /{org}/indicators/{id}/targets/{year}?handler=ProRata"] = "fills the profile from the year's target on the form to be checked; it saves nothing (saving the targets has a recipe)",
        ["POST /{org}/indicators/import"] = "checks an uploaded file and shows what it would change; it saves nothing (the confirm saves, and has a recipe)",
        ["POST /{org}/risks/import"] = "checks an uploaded risk register and shows what it would change; it saves nothing (the confirm saves, and has a recipe)",
    };

    [Fact]
    public async Task EveryWriteEndpoint_LeavesAnAuditEntry()
    {
        var w = await WriteContext.CreateAsync(factory);
        var writes = (await EndpointCatalog.ReadAsync(factory.Services)).Where(r => r.Method != "GET").ToList();
        var recipes = Recipes();
        foreach (var (key, recipe) in PlanTemplateAuditRecipes.All)
        {
            recipes.Add(key, async context => Expect(await recipe(context), PlanTemplateAuditRecipes.Saved));
        }

        foreach (var (key, recipe) in RiskAuditRecipes.All)
        {
            recipes.Add(key, async context => Expect(await recipe(context), RiskAuditRecipes.Saved));
        }

        foreach (var (key, recipe) in BasketAuditRecipes.All)
        {
            recipes.Add(key, async context => Expect(await recipe(context), BasketAuditRecipes.Saved));
        }

        foreach (var (key, recipe) in RiskApiAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in PlanApiAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in ValueQueryAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in RoundAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in MilestoneAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in CorrectionAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in BreakdownAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in ReturnAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        foreach (var (key, recipe) in MessageAuditRecipes.All)
        {
            recipes.Add(key, async w => Expect(await recipe.Send(w), recipe.Saved));
        }

        var missing = writes.Where(r => !recipes.ContainsKey(r.Key) && !NoRecordChanged.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "Write endpoints with no recipe in WriteAuditTests:\n" + string.Join("\n", missing));

        var failures = new List<string>();
        foreach (var route in writes.Where(r => recipes.ContainsKey(r.Key)))
        {
            var before = await w.LastAuditIdAsync();
            string? problem;
            try
            {
                problem = await recipes[route.Key](w);
            }
#pragma warning disable CA1031 // Report every endpoint's failure together.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = ex.Message;
            }

            var entries = await w.EntriesAfterAsync(before);
            if (problem is not null)
            {
                failures.Add($"{route.Key}: {problem}");
            }
            else if (entries.Count == 0)
            {
                failures.Add($"{route.Key}: no audit entry");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, Func<WriteContext, Task<string?>>> Recipes() => new(StringComparer.Ordinal)
    {
        ["POST /sign-in"] = async w =>
        {
            var (userName, password) = await w.NewAccountAsync();
            using var client = w.NewClient();
            return Expect(await client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password }), HttpStatusCode.Redirect);
        },
        ["POST /sign-in/two-factor"] = async w =>
        {
            var (userName, password) = await w.NewAccountAsync(twoFactorKey: "JBSWY3DPEHPK3PXP");
            var session = new CookieSession(w.NewClient());
            await session.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
            return Expect(await session.PostFormAsync("/sign-in/two-factor", new() { ["Code"] = Totp.Code("JBSWY3DPEHPK3PXP", DateTimeOffset.UtcNow) }), HttpStatusCode.Redirect);
        },
        ["POST /sign-out"] = async w =>
        {
            using var client = await w.SignedInAsync();
            return Expect(await WriteContext.SubmitAsync(client, "/sign-out"), HttpStatusCode.Redirect);
        },
        ["POST /account/change-password"] = async w =>
        {
            using var client = await w.SignedInAsync();
            return Expect(await WriteContext.SubmitAsync(client, "/account/change-password", change: f =>
            {
                f["CurrentPassword"] = WaymarkFactory.KnownPassword;
                f["NewPassword"] = f["ConfirmPassword"] = "a quite different passphrase 77";
            }), HttpStatusCode.OK, HttpStatusCode.Redirect);
        },
        ["POST /account/two-factor?handler=SetUp"] = async w =>
        {
            using var client = await w.SignedInAsync();
            return Expect(await WriteContext.SubmitAsync(client, "/account/two-factor", "handler=setup"), HttpStatusCode.Redirect);
        },
        ["POST /account/two-factor?handler=Enable"] = async w =>
        {
            using var client = await w.SignedInAsync();
            using var setUp = await WriteContext.SubmitAsync(client, "/account/two-factor", "handler=setup");
            var page = await client.GetPageAsync("/account/two-factor");
            var key = Html.TestId(page, "two-factor-key").Replace(" ", string.Empty, StringComparison.Ordinal);
            return Expect(await WriteContext.SubmitAsync(client, "/account/two-factor", "handler=enable", f => f["Code"] = Totp.Code(key, DateTimeOffset.UtcNow)), HttpStatusCode.OK, HttpStatusCode.Redirect);
        },
        ["POST /account/two-factor?handler=Disable"] = async w =>
        {
            var (userName, _) = await w.NewAccountAsync(twoFactorKey: "JBSWY3DPEHPK3PXP");
            await w.Factory.SetKnownPasswordAsync(userName);
            var session = new CookieSession(w.NewClient());
            await session.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
            await session.PostFormAsync("/sign-in/two-factor", new() { ["Code"] = Totp.Code("JBSWY3DPEHPK3PXP", DateTimeOffset.UtcNow) });
            return Expect(await session.PostFormAsync("/account/two-factor?handler=disable", new() { ["Password"] = WaymarkFactory.KnownPassword }, formPage: "/account/two-factor"), HttpStatusCode.OK, HttpStatusCode.Redirect);
        },
        ["POST /account/tokens/new"] = async w =>
        {
            using var client = await w.SignedInAsync();
            return Expect(await WriteContext.SubmitAsync(client, "/account/tokens/new", change: f => f["Name"] = "Audit recipe token"), HttpStatusCode.OK);
        },
        ["POST /account/tokens/{id}/revoke"] = async w =>
        {
            var (userName, _) = await w.NewAccountAsync();
            using var client = await w.Factory.SignedInClientAsync(userName);
            var token = await w.Service<ApiTokenService>().CreateAsync(await w.UserIdAsync(userName), "to revoke", false, 10);
            return Expect(await WriteContext.SubmitAsync(client, $"/account/tokens/{token.Token.Id}/revoke"), HttpStatusCode.OK, HttpStatusCode.Redirect);
        },

        ["POST /{org}/framework/new"] = async w =>
        {
            var page = await w.Admin.GetPageAsync($"{w.Org}/framework/new");
            var level = HtmlForms.Options(page, "Level").First(o => o.Value.Length > 0).Value;
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/framework/new", change: f =>
            {
                f["Level"] = level;
                f["Title"] = "An entry made by the audit recipe";
            }), HttpStatusCode.Redirect);
        },
        ["POST /{org}/framework/{id}/edit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/framework/{await w.NewObjectiveAsync()}/edit", change: f => f["Title"] = "Changed by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/framework/{id}/delete"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/framework/{await w.NewObjectiveAsync()}/delete"), HttpStatusCode.Redirect),
        ["POST /{org}/framework/{id}/links?handler=Add"] = async w =>
        {
            var id = await w.NewObjectiveAsync();
            var to = await w.NewObjectiveAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/framework/{id}/links", "handler=add", f => f["ToId"] = to.ToString(CultureInfo.InvariantCulture)), HttpStatusCode.Redirect, HttpStatusCode.OK);
        },
        ["POST /{org}/framework/{id}/links?handler=Remove"] = async w =>
        {
            var id = await w.NewObjectiveAsync(linked: true);
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/framework/{id}/links", "handler=remove"), HttpStatusCode.Redirect, HttpStatusCode.OK);
        },

        ["POST /{org}/plans/{id}/actions/new"] = async w => Expect(await ActionAuditRecipes.NewAsync(w), ActionAuditRecipes.Saved),
        ["POST /{org}/plans/{id}/actions/{actionId}/edit"] = async w => Expect(await ActionAuditRecipes.EditAsync(w), ActionAuditRecipes.Saved),
        ["POST /{org}/plans/{id}/actions/{actionId}/delete"] = async w => Expect(await ActionAuditRecipes.DeleteAsync(w), ActionAuditRecipes.Saved),
        ["POST /{org}/plans/{id}/actions/{actionId}/progress"] = async w => Expect(await ActionAuditRecipes.ProgressAsync(w), ActionAuditRecipes.Saved),
        ["POST /{org}/my-actions/progress"] = async w => Expect(await ActionAuditRecipes.BulkProgressAsync(w), ActionAuditRecipes.Saved),
        ["POST /{org}/plans/{id}/actions/{actionId}/due"] = async w => Expect(await ActionAuditRecipes.DueAsync(w), ActionAuditRecipes.Saved),
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/"] = async w => Expect(await ActionApiAuditRecipes.CreateAsync(w), HttpStatusCode.Created),
        ["PUT /api/v1/organisations/{org}/plans/{id}/actions/{actionId}"] = async w => Expect(await ActionApiAuditRecipes.UpdateAsync(w), HttpStatusCode.OK),
        ["DELETE /api/v1/organisations/{org}/plans/{id}/actions/{actionId}"] = async w => Expect(await ActionApiAuditRecipes.DeleteAsync(w), HttpStatusCode.NoContent),
        ["PUT /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/updates/{quarter}"] = async w => Expect(await ActionApiAuditRecipes.RecordUpdateAsync(w), HttpStatusCode.Created),
        ["DELETE /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/updates/{quarter}"] = async w => Expect(await ActionApiAuditRecipes.DeleteUpdateAsync(w), HttpStatusCode.NoContent),
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/due"] = async w => Expect(await ActionApiAuditRecipes.ReviseDueAsync(w), HttpStatusCode.OK),
        ["POST /api/v1/organisations/{org}/plans/{id}/actions/{actionId}/state"] = async w => Expect(await ActionApiAuditRecipes.SetStateAsync(w), HttpStatusCode.OK),
        ["POST /{org}/plans/{id}/actions/{actionId}/state"] = async w => Expect(await ActionAuditRecipes.StateAsync(w), ActionAuditRecipes.Saved),

        ["POST /{org}/indicators/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/new", change: f =>
            {
                f["Title"] = "An indicator made by the audit recipe";
                f["Polarity"] = "higher";
                f["Frequency"] = "quarterly";
                f["Aggregation"] = "average";
            }), HttpStatusCode.Redirect),
        ["POST /{org}/indicators/{id}/edit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{(await w.NewIndicatorAsync()).Id}/edit", change: f => f["Title"] = "Changed by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/indicators/{id}/delete"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{(await w.NewIndicatorAsync()).Id}/delete"), HttpStatusCode.Redirect),
        ["POST /{org}/indicators/{id}/targets/{year}"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{(await w.NewIndicatorAsync()).Id}/targets/Y2011-04", change: f => f["Target"] = "34"), HttpStatusCode.Redirect),
        ["POST /{org}/indicators/import?handler=Confirm"] = async w =>
        {
            var (_, code) = await w.NewIndicatorAsync();
            // A quarter of 2011/12, which the recipe's indicator collects and which had begun on the demo council's date.
            var quarter = Waymark.Web.Tests.Indicators.ImportSupport.Quarter(2, Waymark.Core.Periods.Period.FinancialYear(2011, 4));
            var file = Waymark.Web.Tests.Indicators.ImportSupport.File("csv", ["Code", "Period", "Value"], [code, quarter, "12.5"]);
            var preview = await Waymark.Web.Tests.Indicators.ImportSupport.UploadAsync(w.Admin, "values", "recipe.csv", file, slug: w.Org.TrimStart('/'));
            return Expect(await Waymark.Web.Tests.Indicators.ImportSupport.PostConfirmAsync(w.Admin, preview), HttpStatusCode.OK);
        },
        ["POST /{org}/risks/import?handler=Confirm"] = async w =>
        {
            var file = Waymark.Web.Tests.Indicators.ImportSupport.File("csv", ["Title", "Category", "Owner", "Inherent likelihood", "Inherent impact", "Current likelihood", "Current impact"],
                ["Imported recipe risk " + Guid.NewGuid().ToString("N")[..6], "Service", "Recipe owner", "3", "3", "2", "2"]);
            using var upload = await Waymark.Web.Tests.Indicators.ImportSupport.PostUploadToAsync(w.Admin, $"{w.Org}/risks/import", null, "recipe.csv", file);
            return Expect(await Waymark.Web.Tests.Indicators.ImportSupport.PostConfirmAsync(w.Admin, await upload.Content.ReadAsStringAsync()), HttpStatusCode.OK);
        },

        ["POST /{org}/plans/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/new", change: f => f["Title"] = "A plan started by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/edit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/edit", change: f => f["Title"] = "Changed by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/delete"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/delete"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/sections"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/sections", change: f => f["Heading"] = "Added by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/sections/{sectionId}"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/sections/{plan.SectionId}", change: f => f["Body"] = "Written by the audit recipe."), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/sections/{sectionId}?handler=Delete"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/sections/{plan.SectionId}", "handler=delete"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/objectives?handler=AddObjective"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            var objective = await w.NewObjectiveAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/objectives", "handler=addobjective",
                f => f["ObjectiveId"] = objective.ToString(CultureInfo.InvariantCulture)), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/objectives?handler=RemoveObjective"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/objectives", "handler=removeobjective"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/objectives?handler=AddMeasure"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/objectives", "handler=addmeasure", f =>
            {
                f["PlanObjectiveId"] = plan.PlanObjectiveId.ToString(CultureInfo.InvariantCulture);
                f["MilestoneTitle"] = "A milestone of the audit recipe";
            }), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/objectives?handler=RemoveMeasure"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/objectives", "handler=removemeasure"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/recommendations/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{(await w.NewPlanAsync()).Id}/recommendations/new", change: f =>
            {
                f["Number"] = "R9";
                f["Text"] = "Added by the audit recipe";
            }), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/recommendations/{recommendationId}"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/recommendations/{plan.RecommendationId}", change: f => f["Text"] = "Changed by the audit recipe"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/recommendations/{recommendationId}?handler=Delete"] = async w =>
        {
            var plan = await w.NewPlanAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan.Id}/recommendations/{plan.RecommendationId}", "handler=delete"), HttpStatusCode.Redirect);
        },

        ["POST /{org}/units/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/new", change: f => f["Name"] = "Unit made by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/units/{id}/edit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{(await w.NewUnitAsync()).Unit}/edit", change: f => f["Name"] = "Renamed by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/units/{id}/delete"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{(await w.NewUnitAsync(withPost: false)).Unit}/delete"), HttpStatusCode.Redirect),
        ["POST /{org}/units/{id}/posts"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{(await w.NewUnitAsync()).Unit}/posts", change: f => f["Title"] = "Post made by the audit recipe"), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/units/{id}/posts/{postId}/edit"] = async w =>
        {
            var (unit, post) = await w.NewUnitAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{unit}/posts/{post}/edit", change: f => f["Title"] = "Post renamed by the audit recipe"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/units/{id}/posts/{postId}/delete"] = async w =>
        {
            var (unit, post) = await w.NewUnitAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{unit}/posts/{post}/delete"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/units/{id}/portfolio-holders?handler=Add"] = async w =>
        {
            var (unit, _) = await w.NewUnitAsync();
            var page = await w.Admin.GetPageAsync($"{w.Org}/units/{unit}/portfolio-holders");
            var person = HtmlForms.Options(page, "PersonId").First(o => o.Value.Length > 0).Value;
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{unit}/portfolio-holders", "handler=add", f =>
            {
                f["PersonId"] = person;
                f["Portfolio"] = "Audit recipes";
            }), HttpStatusCode.Redirect, HttpStatusCode.OK);
        },
        ["POST /{org}/units/{id}/portfolio-holders?handler=Remove"] = async w =>
        {
            var unit = await w.NewUnitWithPortfolioHolderAsync();
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/units/{unit}/portfolio-holders", "handler=remove"), HttpStatusCode.Redirect, HttpStatusCode.OK);
        },
        ["POST /{org}/people/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/people/new", change: f =>
            {
                f["Name"] = "Person made by the audit recipe";
                f["Kind"] = "Officer";
            }), HttpStatusCode.Redirect),
        ["POST /{org}/people/{id}/edit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/people/{await w.NewPersonAsync()}/edit", change: f => f["Name"] = "Person renamed by the audit recipe"), HttpStatusCode.Redirect),

        ["POST /{org}/admin/levels"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/levels", change: f => f[f.Keys.First(k => k.EndsWith(".PluralName", StringComparison.Ordinal))] += " (renamed)"), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/admin/levels?handler=Add"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/levels", "handler=add", f =>
            {
                f["NewLevel.Name"] = "Recipe level " + Guid.NewGuid().ToString("N")[..6];
                f["NewLevel.PluralName"] = "Recipe levels";
            }), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/admin/exceptions"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/exceptions", change: f => f["red-periods"] = f.GetValueOrDefault("red-periods") == "4" ? "3" : "4"), HttpStatusCode.Redirect),
        ["PUT /api/v1/organisations/{org}/performance/exception-settings"] = async w =>
        {
            var current = await w.Api.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(new Uri($"/api/v1/organisations{w.Org}/performance/exception-settings", UriKind.Relative));
            var periods = current!["redPeriods"].GetInt32() == 5 ? 6 : 5;
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/performance/exception-settings", UriKind.Relative),
                new { kinds = new[] { "red", "overdue-action" }, redPeriods = periods, version = current["version"].GetString() }), HttpStatusCode.OK);
        },
        ["POST /{org}/admin/organisation"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/organisation", change: f => f["ShortName"] = "South Cambs " + Guid.NewGuid().ToString("N")[..4]), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/admin/users/new"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/users/new", change: f =>
            {
                f["UserName"] = $"recipe-{Guid.NewGuid():N}@example.test";
                f["DisplayName"] = "Recipe User";
                f["Role"] = nameof(Role.Councillor);
                f["PersonChoice"] = "none";
            }), HttpStatusCode.OK),
        ["POST /{org}/admin/users/{id}"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/users/{await w.NewMemberAsync()}", change: f => f["Role"] = nameof(Role.Auditor)), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/admin/users/{id}?handler=Enable"] = async w =>
        {
            var id = await w.NewMemberAsync(disabled: true);
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/users/{id}", "handler=enable"), HttpStatusCode.Redirect, HttpStatusCode.OK);
        },
        ["POST /{org}/admin/users/{id}/disable"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/users/{await w.NewMemberAsync()}/disable"), HttpStatusCode.Redirect, HttpStatusCode.OK),
        ["POST /{org}/admin/users/{id}/reset-password"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/users/{await w.NewMemberAsync()}/reset-password"), HttpStatusCode.OK),

        ["POST /{org}/indicators/{id}/values/{period}"] = async w =>
        {
            var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: false);
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/values/{period}", change: f =>
            {
                // South Cambridgeshire's commentary rules: a Red value says why and what is being done about it.
                f["Value"] = "42";
                f["Commentary"] = "Entered by the audit recipe";
                f["Remedial"] = "Recovery plan by the audit recipe";
            }), HttpStatusCode.Redirect);
        },
        ["POST /{org}/indicators/{id}/values/{period}?handler=Delete"] = async w =>
        {
            var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: true);
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/values/{period}", "handler=delete"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/my-updates"] = async w =>
        {
            // An officer whose post is the data owner of an indicator with a period waiting for its value.
            var (client, postId) = await w.SignedInOwnerAsync();
            await w.NewQuarterlyIndicatorAsync(withValue: false, ownerPostId: postId);
            return Expect(await WriteContext.SubmitAsync(client, $"{w.Org}/my-updates", change: f => f[f.Keys.First(k => k.EndsWith(".Value", StringComparison.Ordinal))] = "40"), HttpStatusCode.Redirect);
        },
        ["POST /{org}/plans/{id}/submit"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{await w.NewPlanAsync(Waymark.Core.Plans.PlanState.Draft)}/submit"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/approve"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{await w.NewPlanAsync(Waymark.Core.Plans.PlanState.Submitted)}/approve"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/publish"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{await w.NewPlanAsync(Waymark.Core.Plans.PlanState.Approved)}/publish"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/return"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{await w.NewPlanAsync(Waymark.Core.Plans.PlanState.Published)}/return",
                change: f => f["Comment"] = "Returned by the audit recipe"), HttpStatusCode.Redirect),
        ["POST /{org}/plans/{id}/roll-forward"] = async w =>
            Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{await w.NewPlanAsync(Waymark.Core.Plans.PlanState.Published)}/roll-forward"), HttpStatusCode.Redirect),
        ["POST /{org}/indicators/verify"] = async w =>
        {
            var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: true);
            var value = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/values/{period}", UriKind.Relative));
            return Expect(await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/verify?period={period}", change: f => f["Selected"] = $"{id}:{period}:{value!["version"]}"), HttpStatusCode.Redirect);
        },
        ["POST /api/v1/organisations/{org}/framework/"] = async w =>
            Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/framework", UriKind.Relative), new { level = "aim", title = "API recipe entry" }), HttpStatusCode.Created),
        ["PUT /api/v1/organisations/{org}/framework/{id}"] = async w =>
        {
            var id = await w.NewObjectiveAsync();
            var current = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/framework/{id}", UriKind.Relative));
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/framework/{id}", UriKind.Relative),
                new { level = current!["level"]?.ToString(), title = "API recipe change", version = current["version"]?.ToString() }), HttpStatusCode.OK);
        },
        ["DELETE /api/v1/organisations/{org}/framework/{id}"] = async w =>
            Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/framework/{await w.NewObjectiveAsync()}", UriKind.Relative)), HttpStatusCode.NoContent),
        ["POST /api/v1/organisations/{org}/framework/{id}/links"] = async w =>
        {
            var id = await w.NewObjectiveAsync();
            var to = await w.NewObjectiveAsync();
            return Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/framework/{id}/links", UriKind.Relative), new { toId = to }), HttpStatusCode.Created, HttpStatusCode.OK);
        },
        ["DELETE /api/v1/organisations/{org}/framework/{id}/links/{toId}"] = async w =>
        {
            var id = await w.NewObjectiveAsync(linked: true);
            var to = await w.LinkTargetAsync(id);
            return Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/framework/{id}/links/{to}", UriKind.Relative)), HttpStatusCode.NoContent);
        },
        ["POST /api/v1/organisations/{org}/units/"] = async w =>
            Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/units", UriKind.Relative), new { name = "API recipe unit" }), HttpStatusCode.Created),
        ["PUT /api/v1/organisations/{org}/units/{id}"] = async w =>
        {
            var (unit, _) = await w.NewUnitAsync();
            var current = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/units/{unit}", UriKind.Relative));
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/units/{unit}", UriKind.Relative),
                new { name = "API recipe unit renamed", version = current!["version"]?.ToString() }), HttpStatusCode.OK);
        },
        ["DELETE /api/v1/organisations/{org}/units/{id}"] = async w =>
            Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/units/{(await w.NewUnitAsync(withPost: false)).Unit}", UriKind.Relative)), HttpStatusCode.NoContent),
        ["POST /api/v1/organisations/{org}/units/{id}/posts"] = async w =>
            Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/units/{(await w.NewUnitAsync()).Unit}/posts", UriKind.Relative), new { title = "API recipe post" }), HttpStatusCode.Created),
        ["PUT /api/v1/organisations/{org}/units/{id}/posts/{postId}"] = async w =>
        {
            var (unit, post) = await w.NewUnitAsync();
            var version = await w.PostVersionAsync(post);
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/units/{unit}/posts/{post}", UriKind.Relative), new { title = "API recipe post renamed", version }), HttpStatusCode.OK);
        },
        ["DELETE /api/v1/organisations/{org}/units/{id}/posts/{postId}"] = async w =>
        {
            var (unit, post) = await w.NewUnitAsync();
            return Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/units/{unit}/posts/{post}", UriKind.Relative)), HttpStatusCode.NoContent);
        },

        ["POST /api/v1/organisations/{org}/indicators/"] = async w =>
            Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators", UriKind.Relative),
                new { title = "API recipe indicator", polarity = "higher", frequency = "quarterly", aggregation = "latest" }), HttpStatusCode.Created),
        ["PUT /api/v1/organisations/{org}/indicators/{id}"] = async w =>
        {
            var (id, _) = await w.NewIndicatorAsync();
            var current = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}", UriKind.Relative));
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}", UriKind.Relative),
                new { title = "API recipe indicator changed", polarity = "lower", frequency = "quarterly", aggregation = "latest", version = current!["version"]?.ToString() }), HttpStatusCode.OK);
        },
        ["DELETE /api/v1/organisations/{org}/indicators/{id}"] = async w =>
            Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{(await w.NewIndicatorAsync()).Id}", UriKind.Relative)), HttpStatusCode.NoContent),
        ["PUT /api/v1/organisations/{org}/indicators/{id}/targets/{year}"] = async w =>
        {
            var (id, _) = await w.NewIndicatorAsync();
            var current = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}", UriKind.Relative));
            return Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/targets/Y2011-04", UriKind.Relative),
                new { target = 40, version = current!["version"]?.ToString() }), HttpStatusCode.OK);
        },
        ["PUT /api/v1/organisations/{org}/indicators/{id}/values/{period}"] = async w =>
            Expect(await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{(await w.NewIndicatorAsync()).Id}/values/Q2011-07", UriKind.Relative),
                new { value = 12m }), HttpStatusCode.Created),
        ["DELETE /api/v1/organisations/{org}/indicators/{id}/values/{period}"] = async w =>
            Expect(await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{(await w.NewIndicatorAsync(withValue: true)).Id}/values/Q2011-04", UriKind.Relative)), HttpStatusCode.NoContent),
        ["POST /api/v1/organisations/{org}/indicators/{id}/values/{period}/verify"] = async w =>
        {
            var (id, _) = await w.NewIndicatorAsync(withValue: true);
            var value = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/values/Q2011-04", UriKind.Relative));
            return Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/values/Q2011-04/verify", UriKind.Relative),
                new { version = value!["version"]?.ToString() }), HttpStatusCode.OK);
        },
        ["POST /api/v1/organisations/{org}/indicators/values/verify"] = async w =>
        {
            var (id, _) = await w.NewIndicatorAsync(withValue: true);
            var value = await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/values/Q2011-04", UriKind.Relative));
            return Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/values/verify", UriKind.Relative),
                new[] { new { indicator = id, period = "Q2011-04", version = value!["version"]?.ToString() } }), HttpStatusCode.OK);
        },
        ["POST /api/v1/organisations/{org}/indicators/values/bulk"] = async w =>
        {
            var (id, _) = await w.NewIndicatorAsync();
            return Expect(await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/values/bulk", UriKind.Relative),
                new[] { new { indicator = id, period = "Q2011-04", value = 10m }, new { indicator = id, period = "Q2011-07", value = 11m } }), HttpStatusCode.OK);
        },
    };

    /// <summary>Null when the response is one of the expected statuses; otherwise what came back.</summary>
    private static string? Expect(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        using (response)
        {
            if (expected.Contains(response.StatusCode))
            {
                return null;
            }

            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var summary = body.Contains("error-summary", StringComparison.Ordinal) ? Html.TestId(body, "error-summary") : body[..Math.Min(300, body.Length)];
            return $"status {(int)response.StatusCode} {response.Headers.Location}: {summary}";
        }
    }
}

/// <summary>What the recipes need: clients, and fresh records made directly (as "test setup").</summary>
public sealed class WriteContext
{
    private Organisation _organisation = null!;

    public required WaymarkFactory Factory { get; init; }
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public string Org => "/" + _organisation.Slug;

    public static async Task<WriteContext> CreateAsync(WaymarkFactory factory)
    {
        var w = new WriteContext { Factory = factory };
        w.Admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        w.Api = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Administrator));
        await using var scope = factory.Services.CreateAsyncScope();
        w._organisation = await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        return w;
    }

    public HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public T Service<T>()
        where T : notnull => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>GETs the page, takes the chosen post form as the page shows it, applies the change and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string? actionContains = null, Action<Dictionary<string, string>>? change = null)
    {
        var html = await client.GetPageAsync(page);
        var forms = HtmlForms.Parse(html).Where(f => f.Action != "/sign-out" || page == "/sign-out").ToList();
        var form = actionContains is null
            ? forms.First(f => f.Action is null || !f.Action.Contains("handler=", StringComparison.OrdinalIgnoreCase))
            : forms.First(f => f.Action?.Contains(actionContains, StringComparison.OrdinalIgnoreCase) == true);
        change?.Invoke(form.Fields);
        using var content = new FormUrlEncodedContent(form.Fields);
        return await client.PostAsync(new Uri(form.Action ?? page, UriKind.Relative), content);
    }

    public async Task<HttpClient> SignedInAsync()
    {
        var (userName, _) = await NewAccountAsync();
        return await Factory.SignedInClientAsync(userName);
    }

    public async Task<(string UserName, string Password)> NewAccountAsync(string? twoFactorKey = null)
    {
        await using var scope = Scope();
        var userName = $"recipe-{Guid.NewGuid():N}@example.test";
        var account = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, "Recipe Person", _organisation.Id, Role.Councillor);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == account.User.Id);
        user.MustChangePassword = false;
        if (twoFactorKey is not null)
        {
            user.AuthenticatorKey = twoFactorKey;
            user.TwoFactorEnabled = true;
        }

        await db.SaveChangesAsync();
        return (userName, account.OneTimePassword);
    }

    public async Task<int> UserIdAsync(string userName)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public async Task<int> NewMemberAsync(bool disabled = false)
    {
        await using var scope = Scope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync($"member-{Guid.NewGuid():N}@example.test", "Recipe Member", _organisation.Id, Role.Councillor);
        if (disabled)
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().SetDisabledAsync(account.User, true);
        }

        return account.User.Id;
    }

    public async Task<int> NewObjectiveAsync(bool linked = false)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var level = await db.FrameworkLevels.Where(l => l.Key == "aim").SingleAsync();
        var objective = new Objective { OrganisationId = _organisation.Id, LevelId = level.Id, Title = "Recipe entry" };
        db.Objectives.Add(objective);
        if (linked)
        {
            db.ObjectiveLinks.Add(new ObjectiveLink
            {
                OrganisationId = _organisation.Id, FromObjective = objective,
                ToObjective = new Objective { OrganisationId = _organisation.Id, LevelId = level.Id, Title = "Recipe link target" },
            });
        }

        await db.SaveChangesAsync();
        return objective.Id;
    }

    public async Task<int> LinkTargetAsync(int fromId)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().ObjectiveLinks.Where(l => l.FromObjectiveId == fromId).Select(l => l.ToObjectiveId).FirstAsync();
    }

    /// <summary>A quarterly indicator collected from 2011/12, with (optionally) a value for Q1 2011/12 entered by the set-up.</summary>
    public async Task<(int Id, string Code)> NewIndicatorAsync(bool withValue = false)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var indicator = new Waymark.Core.Indicators.Indicator
        {
            OrganisationId = _organisation.Id, Code = "REC " + Guid.NewGuid().ToString("N")[..8], Title = "Recipe indicator", DecimalPlaces = 1, Frequency = Waymark.Core.Indicators.Frequency.Quarterly,
            Polarity = Waymark.Core.Indicators.Polarity.HigherIsBetter, CollectFrom = Waymark.Core.Periods.Period.FinancialYear(2011, 4),
        };
        db.Indicators.Add(indicator);
        if (withValue)
        {
            db.IndicatorValues.Add(new Waymark.Core.Indicators.IndicatorValue
            {
                OrganisationId = _organisation.Id, Indicator = indicator, Period = Waymark.Core.Periods.Period.Quarter(2011, 1, 4), Value = 10,
                EnteredByName = "Recipe setup", EnteredAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return (indicator.Id, indicator.Code);
    }

    /// <summary>A current lock exception for a fresh unit, and its version.</summary>
    public async Task<(int Id, Guid Version)> NewLockExceptionAsync()
    {
        var (unitId, _) = await NewUnitAsync(withPost: false);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var exception = new Waymark.Core.Corrections.LockException
        {
            OrganisationId = _organisation.Id, UnitId = unitId, From = new DateOnly(2000, 1, 1), Until = new DateOnly(2099, 12, 31),
            Reason = "Recipe exception", GrantedByName = "Recipe", GrantedAt = DateTimeOffset.UnixEpoch,
        };
        db.LockExceptions.Add(exception);
        await db.SaveChangesAsync();
        return (exception.Id, exception.Version);
    }

    public async Task<(int Unit, int Post)> NewUnitAsync(bool withPost = true)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var unit = new Unit { OrganisationId = _organisation.Id, Name = "Recipe unit" };
        db.Units.Add(unit);
        var post = withPost ? new Post { OrganisationId = _organisation.Id, Unit = unit, Title = "Recipe post" } : null;
        if (post is not null)
        {
            db.Posts.Add(post);
        }

        await db.SaveChangesAsync();
        return (unit.Id, post?.Id ?? 0);
    }

    public async Task<int> NewUnitWithPortfolioHolderAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var unit = new Unit { OrganisationId = _organisation.Id, Name = "Recipe unit" };
        var person = new Person { OrganisationId = _organisation.Id, Name = "Cllr Recipe", Kind = PersonKind.Councillor };
        db.PortfolioHolders.Add(new PortfolioHolder { OrganisationId = _organisation.Id, Unit = unit, Person = person, Portfolio = "Recipes" });
        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>A quarterly indicator collected from last year, with a fresh code (made as the tests' own set-up).</summary>
    public async Task<int> NewPersonAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var person = new Person { OrganisationId = _organisation.Id, Name = "Recipe officer" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    public async Task<string> PostVersionAsync(int postId)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().Posts.SingleAsync(p => p.Id == postId)).Version.ToString();
    }

    /// <summary>
    /// A quarterly indicator collected in 2011/12 (target 50), optionally owned by a post; the period is Q4 2011/12, with
    /// a value entered by the set-up (not by any account) when asked.
    /// </summary>
    public async Task<(int Id, string Period)> NewQuarterlyIndicatorAsync(bool withValue, int? ownerPostId = null)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var year = Waymark.Core.Periods.Period.FinancialYear(2011, _organisation.YearStartMonth);
        var quarter = Waymark.Core.Periods.Period.QuartersOf(year, _organisation.YearStartMonth)[3];
        var indicator = new Waymark.Core.Indicators.Indicator
        {
            OrganisationId = _organisation.Id, Code = "RX " + Guid.NewGuid().ToString("N")[..4], Title = "Recipe indicator",
            Frequency = Waymark.Core.Indicators.Frequency.Quarterly, CollectFrom = year, CollectUntil = year, DataOwnerPostId = ownerPostId,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        db.IndicatorTargets.Add(new Waymark.Core.Indicators.IndicatorTarget { OrganisationId = _organisation.Id, IndicatorId = indicator.Id, Period = quarter, Value = 50 });
        if (withValue)
        {
            db.IndicatorValues.Add(new Waymark.Core.Indicators.IndicatorValue
            {
                OrganisationId = _organisation.Id, IndicatorId = indicator.Id, Period = quarter, Value = 48, EnteredByName = "Recipe set-up", EnteredAt = DateTimeOffset.UtcNow.AddYears(-20),
            });
        }

        await db.SaveChangesAsync();
        return (indicator.Id, quarter.Code);
    }

    /// <summary>A 2011/12 plan in the given state, of a unit of its own (so that it can always be rolled forward), with an open action.</summary>
    public async Task<int> NewPlanAsync(Waymark.Core.Plans.PlanState state)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var type = await db.PlanTypes.FirstOrDefaultAsync(t => t.Key == "recipe-plan")
            ?? new Waymark.Core.Plans.PlanType { OrganisationId = _organisation.Id, Key = "recipe-plan", Name = "Recipe plan" };
        var year = Waymark.Core.Periods.Period.FinancialYear(2011, _organisation.YearStartMonth);
        var plan = new Waymark.Core.Plans.Plan
        {
            OrganisationId = _organisation.Id, PlanType = type, Title = "Recipe plan 2011/12", State = state, StartYear = year, EndYear = year.Next().Next(),
            Unit = new Unit { OrganisationId = _organisation.Id, Name = "Recipe plan unit" },
        };
        plan.Actions.Add(new Waymark.Core.Plans.PlanAction { OrganisationId = _organisation.Id, Title = "Recipe action", State = Waymark.Core.Plans.ActionState.InProgress });
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>A new lead officer, signed in, who holds a new post; and the post's id.</summary>
    public async Task<(HttpClient Client, int PostId)> SignedInOwnerAsync()
    {
        int postId;
        var userName = $"owner-{Guid.NewGuid():N}@example.test";
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var unit = new Unit { OrganisationId = _organisation.Id, Name = "Recipe owners" };
            var person = new Person { OrganisationId = _organisation.Id, Name = "Recipe owner", Unit = unit };
            var post = new Post { OrganisationId = _organisation.Id, Unit = unit, Title = "Recipe owner post", Holder = person };
            db.AddRange(unit, person, post);
            await db.SaveChangesAsync();
            postId = post.Id;
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, "Recipe owner", _organisation.Id, Role.LeadOfficer, unit.Id, person.Id);
        }

        return (await Factory.SignedInClientAsync(userName), postId);
    }

    /// <summary>A draft plan with a section, a recommendation, and an objective with a milestone as its measure.</summary>
    public async Task<(int Id, int SectionId, int RecommendationId, int PlanObjectiveId, int MeasureId)> NewPlanAsync()
    {
        var objectiveId = await NewObjectiveAsync();
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        await Waymark.Core.Plans.PlanDefaults.EnsureAsync(db);
        var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstAsync();
        var year = Waymark.Core.Periods.Period.FinancialYear(2011, _organisation.YearStartMonth);
        var plan = new Waymark.Core.Plans.Plan { OrganisationId = _organisation.Id, PlanTypeId = type.Id, Title = "Recipe plan", StartYear = year, EndYear = year.Next().Next() };
        var section = new Waymark.Core.Plans.PlanSection { OrganisationId = _organisation.Id, Plan = plan, Key = "recipe", Heading = "Recipe section" };
        var recommendation = new Waymark.Core.Plans.Recommendation { OrganisationId = _organisation.Id, Plan = plan, Number = "R1", Text = "Recipe recommendation" };
        var objective = new Waymark.Core.Plans.PlanObjective { OrganisationId = _organisation.Id, Plan = plan, ObjectiveId = objectiveId, Role = Waymark.Core.Plans.PlanObjectiveRole.SupportingObjective };
        var measure = new Waymark.Core.Plans.PlanMeasure
        {
            OrganisationId = _organisation.Id, PlanObjective = objective, Milestone = new Waymark.Core.Plans.Milestone { OrganisationId = _organisation.Id, Title = "Recipe milestone" },
        };
        db.AddRange(plan, section, recommendation, objective, measure);
        await db.SaveChangesAsync();
        return (plan.Id, section.Id, recommendation.Id, objective.Id, measure.Id);
    }

    public async Task<long> LastAuditIdAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().AuditEntries.Select(e => (long?)e.Id).MaxAsync() ?? 0;
    }

    /// <summary>Entries written by the app (not by the recipes' own set-up) after the given one.</summary>
    public async Task<List<Waymark.Core.Audit.AuditEntry>> EntriesAfterAsync(long id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().AuditEntries
            .Where(e => e.Id > id && e.Actor != WaymarkFactory.SetupActor).ToListAsync();
    }

    /// <summary>A scope in the organisation, whose changes the trail records as the tests' own set-up.</summary>
    private AsyncServiceScope Scope()
    {
        var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_organisation);
        return scope;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Escale.Tests.Integration.Pages.MonProjet;

/// <summary>The reliability figure: a crowd of households sending their project at once loses none and doubles none.</summary>
public sealed class ConcurrentSubmissionsTests(ITestOutputHelper output)
{
    private const int Households = 500;

    [Fact]
    public async Task FiveHundredConcurrentProjects_OnPostgreSql_MakeExactlyFiveHundredCasesAndAccounts()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Postgres,
            new Dictionary<string, string?> { ["Smtp:Port"] = SmtpSink.FreePort().ToString(CultureInfo.InvariantCulture) });
        var client = app.CreateBrowserlessClient();
        // The crowd is queued by the page (a few password hashes at a time): the last in line waits longer than HttpClient's 100 s.
        client.Timeout = TimeSpan.FromMinutes(10);
        var page = (await client.GetPageAsync("/mon-projet")).Page;
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        var answers = await Task.WhenAll(Enumerable.Range(0, Households).Select(i => client.PostAsync(new Uri("/mon-projet", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Step"] = "5",
                ["Go"] = "submit",
                ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
                ["Input.Adults[0].FirstName"] = "Camille",
                ["Input.Adults[0].Wish"] = "Job",
                ["Input.Anywhere"] = "true",
                ["Input.Timeline"] = "WithinYear",
                ["Input.HeardFrom"] = "Other",
                ["Input.Name"] = "Camille " + i.ToString(CultureInfo.InvariantCulture),
                ["Input.Email"] = $"foule-{run}-{i.ToString(CultureInfo.InvariantCulture)}@test.escale",
                ["Input.Password"] = ProjectWelcomeSteps.Password,
                ["Input.ConfirmPassword"] = ProjectWelcomeSteps.Password,
                ["Input.ConsentAccompaniment"] = "true",
            }))));
        clock.Stop();
        var cases = await app.WithDbAsync(db => db.Cases.CountAsync());
        var accounts = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.StartsWith("foule-" + run)));
        var distinctKeys = await app.WithDbAsync(db => db.Cases.Select(c => c.SubmissionKey).Distinct().CountAsync());
        output.WriteLine($"{Households} submissions in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Equal(Households, cases);
        Assert.Equal(Households, accounts);
        Assert.Equal(Households, distinctKeys);
    }
}

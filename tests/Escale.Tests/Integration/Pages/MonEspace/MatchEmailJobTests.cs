using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.MonEspace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class MatchEmailJobTests(MailAppFixture fixture)
{
    // An occupation no other test offers, so the household's strong matches are this test's own.
    private const string Gardener = "A1203";

    private static async Task RunAsync(EscaleAppFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<MatchEmailJob>().RunAsync(CancellationToken.None);
    }

    private static bool IsMatches(MimeMessage m) => (m.Subject ?? "").Contains("pour votre projet", StringComparison.Ordinal);

    [Theory, EveryDatabase]
    public async Task NewStrongMatches_AreEmailedAtMostOnceADay_NeverTwiceForTheSameOffer_AndTheOptOutStopsThem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app, id => SpaceWelcomeSteps.NurseNearFigeac(id, Gardener), matchEmails: true);
        var (_, employer) = await PartnerSteps.PartnerAsync(app);
        var word = Guid.NewGuid().ToString("N")[..8];
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Jardinière {word}", Gardener);
        var email = household.User.Email!;

        await RunAsync(app);
        var first = await fixture.Mail.WaitForMessageAsync(email, where: IsMatches);
        await SpaceWelcomeSteps.JobAsync(app, employer, $"Paysagiste {word}", Gardener);
        await RunAsync(app);
        await Task.Delay(300);
        var sameDay = fixture.Mail.MessagesTo(email).Count(IsMatches);

        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == household.CaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMatchEmailAt, DateTimeOffset.UtcNow.AddDays(-1))));
        await RunAsync(app);
        var second = await fixture.Mail.WaitForMessageAsync(email, where: m => IsMatches(m) && (m.TextBody ?? "").Contains($"Paysagiste {word}", StringComparison.Ordinal));

        Assert.Contains($"Jardinière {word}", first.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("même métier", first.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(1, sameDay);
        Assert.DoesNotContain($"Jardinière {word}", second.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.MatchesEmailed)));

        var optOut = new Uri(first.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
        var visitor = app.CreateBrowserlessClient();
        var (shown, page) = await visitor.GetPageAsync(optOut.PathAndQuery);
        var done = await visitor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>());
        var forged = await visitor.GetAsync(new Uri("/propositions/desabonner/pas-un-jeton", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == household.CaseId).Select(c => c.ConsentMatchEmailsAt).SingleAsync()));
    }
}

using AngleSharp.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class MessagesTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Answer_LandsOnTheCase_AndIsEmailedToTheReferentWithTheCaseLink(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.CaseMessages.Add(new CaseMessage { CaseId = household.CaseId, AuthorUserId = household.Referent.Id, AuthorName = "Sophie", Body = "Quand pouvez-vous venir visiter ?", At = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var (_, page) = await household.Client.GetPageAsync("/mon-espace/messages");
        var sent = await household.Client.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!,
            new Dictionary<string, string> { ["Body"] = "Nous pouvons venir en mars." });
        var mail = await fixture.Mail.WaitForMessageAsync(household.Referent.Email!);
        var (_, thread) = await household.Client.GetPageAsync("/mon-espace/messages");

        Assert.Contains("Quand pouvez-vous venir visiter ?", page.Text("#fil"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Nous pouvons venir en mars.", thread.Text("#fil"), StringComparison.Ordinal);
        var (answer, unread, events) = await app.WithDbAsync(async db => (
            await db.CaseMessages.SingleAsync(m => m.CaseId == household.CaseId && m.FromHousehold),
            await db.CaseMessages.CountAsync(m => m.CaseId == household.CaseId && !m.FromHousehold && m.ReadAt == null),
            await db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.MessageFromHousehold)));
        Assert.Equal("Nous pouvons venir en mars.", answer.Body);
        Assert.Equal(0, unread);
        Assert.Equal(1, events);
        Assert.Contains("Nous pouvons venir en mars.", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/admin/dossiers/{household.CaseId}", mail.TextBody ?? "", StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task EmptyAnswer_ShowsAFrenchMessageBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var (_, page) = await household.Client.GetPageAsync("/mon-espace/messages");
        var response = await household.Client.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["Body"] = " " });
        var shown = await Html.ParseAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Écrivez votre message.", shown.Text("[data-valmsg-for=Body]"), StringComparison.Ordinal);
    }
}

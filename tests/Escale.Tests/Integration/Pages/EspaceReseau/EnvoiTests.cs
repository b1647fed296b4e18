using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.EspaceReseau;

[Collection(AccountsCollection.Name)]
public sealed class EnvoiTests(MailAppFixture fixture)
{
    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, int structureId, string subject)
    {
        var (_, page) = await client.GetPageAsync("/espace-reseau/envois/nouveau");
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=apercu']")!;
        return await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.StructureId"] = structureId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = subject,
            ["Input.Body"] = "Réunion du réseau jeudi.",
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, IHtmlFormElement form, int structureId, string subject) =>
        await client.PostAsync(new Uri("/espace-reseau/envois/nouveau?handler=envoyer", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("Input.SubmissionKey", form.QuerySelector<IHtmlInputElement>("input[name='Input.SubmissionKey']")!.Value),
            new("Input.RecipientsHash", form.QuerySelector<IHtmlInputElement>("input[name='Input.RecipientsHash']")?.Value ?? ""),
            new("Input.StructureId", structureId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Subject", subject),
            new("Input.Body", "Réunion du réseau jeudi."),
        ]));

    [Theory, EveryDatabase]
    public async Task Send_GoesToExactlyThePreviewedRecipients_Once_AndIsRecorded(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var admin = await SignedInAdministratorAsync(app);
        var first = $"a-{Guid.NewGuid():N}@test.escale";
        var second = $"b-{Guid.NewGuid():N}@test.escale";
        var structure = await StructureAsync(app, members:
            [Member("Ariane Première", WelcomeMemberRole.Referent, first), Member("Bruno Second", WelcomeMemberRole.Volunteer, second, inDirectory: false),
             Member("Sans Adresse", WelcomeMemberRole.Staff)]);
        var subject = "Réseau " + Guid.NewGuid().ToString("N")[..6];

        var preview = await Html.ParseAsync(await PreviewAsync(admin.Client, structure.Id, subject));
        var form = preview.QuerySelector<IHtmlFormElement>("main form")!;
        var sent = await SendAsync(admin.Client, form, structure.Id, subject);
        var again = await SendAsync(admin.Client, form, structure.Id, subject);

        Assert.Equal([$"Ariane Première <{first}>", $"Bruno Second <{second}>"], preview.QuerySelectorAll("#apercu-destinataires li").Select(li => li.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(sent.Headers.Location, again.Headers.Location);
        Assert.Contains(subject, (await fixture.Mail.WaitForMessageAsync(first)).Subject ?? "", StringComparison.Ordinal);
        Assert.Contains(subject, (await fixture.Mail.WaitForMessageAsync(second)).Subject ?? "", StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.MessagesTo(first));
        var mailings = await app.WithDbAsync(db => db.NetworkMailings.Where(m => m.Subject == subject).Include(m => m.Recipients).ToListAsync());
        var mailing = Assert.Single(mailings);
        Assert.Equal([first, second], mailing.Recipients.Select(r => r.Email).Order(StringComparer.Ordinal));
        var (_, record) = await admin.Client.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Equal(2, record.QuerySelectorAll("#liste-destinataires li").Length);
    }

    [Theory, EveryDatabase]
    public async Task Send_WhenTheRecipientsChangedSinceThePreview_SendsNothing_AndShowsTheNewList(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var admin = await SignedInAdministratorAsync(app);
        var first = $"a-{Guid.NewGuid():N}@test.escale";
        var structure = await StructureAsync(app, members: [Member("Ariane Première", WelcomeMemberRole.Referent, first)]);
        var subject = "Réseau " + Guid.NewGuid().ToString("N")[..6];
        var preview = await Html.ParseAsync(await PreviewAsync(admin.Client, structure.Id, subject));
        await app.WithDbAsync(async db =>
        {
            var member = Member("Nouvelle Venue", WelcomeMemberRole.Volunteer, $"n-{Guid.NewGuid():N}@test.escale");
            member.StructureId = structure.Id;
            db.WelcomeStructureMembers.Add(member);
            return await db.SaveChangesAsync();
        });

        var response = await SendAsync(admin.Client, preview.QuerySelector<IHtmlFormElement>("main form")!, structure.Id, subject);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("a changé", page.Text(".validation-summary"), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#apercu-destinataires li").Length);
        Assert.False(await app.WithDbAsync(db => db.NetworkMailings.AnyAsync(m => m.Subject == subject)));
    }

    [Theory, EveryDatabase]
    public async Task Mailing_WithNoRecipient_CannotBeSent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var admin = await SignedInAdministratorAsync(app);
        var structure = await StructureAsync(app, members: [Member("Sans Adresse", WelcomeMemberRole.Staff)]);
        var subject = "Réseau " + Guid.NewGuid().ToString("N")[..6];

        var preview = await Html.ParseAsync(await PreviewAsync(admin.Client, structure.Id, subject));
        var forced = await SendAsync(admin.Client, preview.QuerySelector<IHtmlFormElement>("main form")!, structure.Id, subject);

        Assert.Contains("Aucun destinataire", preview.Text(".validation-summary"), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#apercu-destinataires"));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("destinataires", (await Html.ParseAsync(forced)).Text(".validation-summary"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.NetworkMailings.AnyAsync(m => m.Subject == subject)));
    }
}

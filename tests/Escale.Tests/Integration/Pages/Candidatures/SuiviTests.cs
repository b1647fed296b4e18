using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Candidatures;

[Collection(AccountsCollection.Name)]
public sealed class SuiviTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task NonMember_GetsNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var lead = await SignedInAsync(app);
        var stranger = await SignedInAsync(app);
        var laureate = await CallSteps.LaureateAsync(app, call, lead.User, "Festival", new Dictionary<string, string>());
        await CallSteps.FollowUpAsync(app, laureate.Id, published: false);

        var mine = await lead.Client.GetAsync(new Uri($"/candidatures/{laureate.Id}/suivi", UriKind.Relative));
        var theirs = await stranger.Client.GetAsync(new Uri($"/candidatures/{laureate.Id}/suivi", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task TheLead_WritesTheSummary_PostsNews_AndPublishesThePage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var lead = await SignedInAsync(app);
        var laureate = await CallSteps.LaureateAsync(app, call, lead.User, "Ciné plein air", new Dictionary<string, string>());
        var followUp = await CallSteps.FollowUpAsync(app, laureate.Id, published: false, summary: null);
        var path = $"/candidatures/{laureate.Id}/suivi";
        var visitor = app.CreateBrowserlessClient();

        var (_, page) = await lead.Client.GetPageAsync(path);
        var tooEarly = await lead.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Publish']")!, new Dictionary<string, string>());
        var (_, refusedPage) = await lead.Client.GetPageAsync(path);
        await lead.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Summary']")!, new Dictionary<string, string> { ["Summary"] = "Des séances de cinéma dans les villages." });
        await lead.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Progress']")!, new Dictionary<string, string> { ["text"] = "Première séance le 12 juillet." });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/projets-de-jeunes/" + followUp.Slug, UriKind.Relative))).StatusCode);
        await lead.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Publish']")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, tooEarly.StatusCode);
        Assert.Contains("résumé public", refusedPage.Text(".status-message"), StringComparison.Ordinal);
        var (response, publicPage) = await visitor.GetPageAsync("/projets-de-jeunes/" + followUp.Slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Des séances de cinéma", publicPage.Text("#resume"), StringComparison.Ordinal);
        Assert.Contains("Première séance le 12 juillet.", publicPage.Text("#liste-nouvelles"), StringComparison.Ordinal);
        Assert.DoesNotContain(lead.User.Email!, publicPage.Source.Text, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task AConfirmedMember_SeesTheFile_ButOnlyTheLeadPublishes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var lead = await SignedInAsync(app);
        var member = await SignedInAsync(app);
        var laureate = await CallSteps.LaureateAsync(app, call, lead.User, "Troc de livres", new Dictionary<string, string>(),
            members: new CallSteps.Member("Membre", member.User.Email!, new DateOnly(1995, 3, 3)));
        await app.WithDbAsync(async db =>
        {
            var row = await db.ApplicationMembers.SingleAsync(m => m.ApplicationId == laureate.Id && m.Email == member.User.Email);
            row.UserId = member.User.Id;
            return await db.SaveChangesAsync();
        });
        var followUp = await CallSteps.FollowUpAsync(app, laureate.Id, published: false);

        var (response, page) = await member.Client.GetPageAsync($"/candidatures/{laureate.Id}/suivi");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        await member.Client.PostAsync(new Uri($"/candidatures/{laureate.Id}/suivi?handler=Publish", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["publish"] = "true", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form[action*='handler=Publish']"));
        Assert.Null(await app.WithDbAsync(db => db.ProjectFollowUps.Where(f => f.Id == followUp.Id).Select(f => f.PublishedAt).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task TheLead_GivesThePhoto_OnlyWithConsent_AndItShowsOnTheLaureatesPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var lead = await SignedInAsync(app);
        var laureate = await CallSteps.LaureateAsync(app, call, lead.User, "Repair café", new Dictionary<string, string>());
        await CallSteps.FollowUpAsync(app, laureate.Id, published: false);
        var path = $"/candidatures/{laureate.Id}/suivi";
        var png = Escale.Tests.Unit.Media.TestImages.Png(640, 480);

        var (_, page) = await lead.Client.GetPageAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Photo']")!;
        var (_, refused) = await PostPhotoAsync(lead.Client, form, png, "L’équipe devant l’atelier", consent: false);
        var notAnImage = await PostPhotoAsync(lead.Client, form, "pas une image"u8.ToArray(), "L’équipe", consent: true);
        var stored = await app.WithDbAsync(db => db.CallApplications.Where(a => a.Id == laureate.Id).Select(a => a.PhotoImageId).SingleAsync());
        var accepted = await PostPhotoAsync(lead.Client, form, png, "L’équipe devant l’atelier", consent: true);
        var (_, laureates) = await app.CreateBrowserlessClient().GetPageAsync($"/appels/{call.Slug}/laureats");

        Assert.Contains("accord des personnes", refused!.Text("#Photo_Consent-erreur"), StringComparison.Ordinal);
        Assert.NotEmpty(notAnImage.Page!.Text("#Photo_File-erreur"));
        Assert.Null(stored);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Response.StatusCode);
        Assert.Equal("L’équipe devant l’atelier", laureates.QuerySelector<IHtmlImageElement>($"#laureat-{laureate.Id} ~ picture img")?.AlternativeText);
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument? Page)> PostPhotoAsync(
        HttpClient client, IHtmlFormElement form, byte[] bytes, string alt, bool consent)
    {
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(e => e.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new ByteArrayContent(bytes), "Photo.File", "equipe.png");
        content.Add(new StringContent(alt), "Photo.Alt");
        if (consent)
        {
            content.Add(new StringContent("true"), "Photo.Consent");
        }
        var response = await client.PostAsync(Html.ActionOf(form).PathAndQuery, content);
        var page = response.StatusCode == HttpStatusCode.OK ? await Html.ParseAsync(response) : null;
        return (response, page);
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.BrandCoCreation;
using Escale.Core.Media;
using Escale.Tests.Infrastructure;
using Escale.Tests.Unit.Media;
using Escale.Web.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Jeunes.Marque;

[Collection(AccountsCollection.Name)]
public sealed class ProposerTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Propose_AVisualWithItsImage_WaitsForModeration_AndIsInMyProposalsOnly(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var young = await SignedInAsync(app);
        var title = $"Le Lot en couleurs {Guid.NewGuid():N}";

        var response = await ProposeAsync(young.Client, title, "Visual", TestImages.Jpeg(1200, 800), "photo.jpg", "Une affiche orange sur les falaises");
        var mine = (await young.Client.GetPageAsync("/jeunes/marque/mes-propositions")).Page;
        var stored = await app.WithDbAsync(db => db.BrandProposals.Include(p => p.Image).SingleAsync(p => p.Title == title));
        var publicList = (await app.CreateBrowserlessClient().GetPageAsync("/jeunes/marque")).Page;
        var publicPage = await app.CreateBrowserlessClient().GetAsync(new Uri($"/jeunes/marque/{stored.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(title, mine.Text("#mes-propositions"), StringComparison.Ordinal);
        Assert.Contains("En attente de modération", mine.Text("#mes-propositions"), StringComparison.Ordinal);
        Assert.Equal(BrandProposalStatus.Submitted, stored.Status);
        Assert.Equal(BrandProposalKind.Visual, stored.Kind);
        Assert.Equal(young.User.Id, stored.AuthorUserId);
        Assert.Equal("Une affiche orange sur les falaises", stored.Image!.AltTextFr);
        Assert.DoesNotContain(title, publicList.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Propose_WithAFileThatIsNotAnImage_IsRefusedBesideTheField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var young = await SignedInAsync(app);
        var title = $"Pas une image {Guid.NewGuid():N}";
        var folder = app.Services.GetRequiredService<MediaLibrary>().Folder;
        var filesBefore = Directory.GetFiles(folder).Length;

        var response = await ProposeAsync(young.Client, title, "Visual", TestImages.Script, "affiche.jpg", "Une affiche");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImageProcessor.NotAnImage, page.Text("[data-valmsg-for='Input.Image']"));
        Assert.Equal(title, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await app.WithDbAsync(db => db.BrandProposals.AnyAsync(p => p.Title == title)));
        Assert.Equal(filesBefore, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task Propose_AnImageWithoutItsDescription_IsRefusedBesideTheDescription()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var young = await SignedInAsync(app);
        var title = $"Sans description {Guid.NewGuid():N}";

        var response = await ProposeAsync(young.Client, title, "Visual", TestImages.Jpeg(300, 200), "photo.jpg", " ");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Décrivez l’image pour les personnes qui ne la voient pas.", page.Text("[data-valmsg-for='Input.ImageAlt']"));
        Assert.False(await app.WithDbAsync(db => db.BrandProposals.AnyAsync(p => p.Title == title)));
    }

    [Theory, EveryDatabase]
    public async Task Propose_SubmittedTwice_MakesOneProposal(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var young = await SignedInAsync(app);
        var title = $"Deux fois {Guid.NewGuid():N}";
        var form = (await young.Client.GetPageAsync("/jeunes/marque/proposer")).Page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;

        var first = await PostAsync(young.Client, form, title, "Message", null, null, null);
        var second = await PostAsync(young.Client, form, title, "Message", null, null, null);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.BrandProposals.CountAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Propose_AsAVisitor_SendsToSignIn()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/jeunes/marque/proposer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location!.AbsolutePath);
    }

    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, string title, string kind, byte[]? bytes, string? fileName, string? alt)
    {
        var form = (await client.GetPageAsync("/jeunes/marque/proposer")).Page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        return await PostAsync(client, form, title, kind, bytes, fileName, alt);
    }

    /// <summary>Posts the propose form as a browser would: multipart, with its anti-forgery token and creation key.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, string title, string kind, byte[]? bytes, string? fileName, string? alt)
    {
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(e => e.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new StringContent(kind), "Input.Kind");
        content.Add(new StringContent(title), "Input.Title");
        content.Add(new StringContent("Une proposition pour que les jeunes aient envie de rester."), "Input.Text");
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg"); // what the client claims counts for nothing
            content.Add(file, "Input.Image", fileName!);
        }
        if (alt is not null)
        {
            content.Add(new StringContent(alt), "Input.ImageAlt");
        }
        return await client.PostAsync(Html.ActionOf(form).PathAndQuery, content);
    }
}

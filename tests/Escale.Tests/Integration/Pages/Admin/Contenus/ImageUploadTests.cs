using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Media;
using Escale.Tests.Infrastructure;
using Escale.Tests.Unit.Media;
using Escale.Web.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Admin.Contenus;

[Collection(AccountsCollection.Name)]
public sealed class ImageUploadTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task ValidImage_IsStoredInEveryWidth_ServedWithItsType_AndShownOnThePublicPage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Le fournil de Figeac {Guid.NewGuid():N}"));
        var alt = $"Une boulangère sort le pain du four {Guid.NewGuid():N}";

        var response = await UploadAsync(client, item.Id, TestImages.Jpeg(1200, 800), "photo.jpg", alt);
        var image = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == item.Id).Select(c => c.LeadImage).SingleAsync());
        var webp = await app.CreateBrowserlessClient().GetAsync(new Uri($"/media/{image!.Key}-480.webp", UriKind.Relative));
        var jpeg = await app.CreateBrowserlessClient().GetAsync(new Uri($"/media/{image.Key}-1200.jpg", UriKind.Relative));
        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/recits/{item.Slug}")).Page;
        var editPage = (await client.GetPageAsync($"/admin/contenus/edition/{item.Id}")).Page;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(alt, image.AltTextFr);
        Assert.Equal([480, 960, 1200], image.RenditionWidths);
        Assert.Equal((1200, 800), (image.Width, image.Height));
        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, jpeg.StatusCode);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", jpeg.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), jpeg.Headers.CacheControl.MaxAge);

        var source = page.QuerySelector("article picture source")!;
        var img = page.QuerySelector<IHtmlImageElement>("article picture img")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal($"/media/{image.Key}-480.webp 480w, /media/{image.Key}-960.webp 960w, /media/{image.Key}-1200.webp 1200w", source.GetAttribute("srcset"));
        Assert.Equal($"/media/{image.Key}-960.jpg", img.GetAttribute("src"));
        Assert.Contains($"/media/{image.Key}-1200.jpg 1200w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.NotNull(img.GetAttribute("sizes"));
        Assert.Equal(alt, img.GetAttribute("alt"));
        Assert.Equal(("1200", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        // Under the title, in the first screen: fetched at once and first, not when scrolled to.
        Assert.Equal(("eager", "high"), (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")));
        Assert.Equal(alt, editPage.Text(".current-alt"));
    }

    [Theory]
    [InlineData("script")]
    [InlineData("svg")]
    [InlineData("bomb")]
    [InlineData("oversized")]
    [InlineData("no-alt")]
    [InlineData("no-file")]
    public async Task RefusedUpload_ShowsTheFrenchReasonBesideItsField_AndStoresNothing(string kind)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Refus {kind} {Guid.NewGuid():N}"));
        var folder = app.Services.GetRequiredService<MediaLibrary>().Folder;
        var filesBefore = Directory.GetFiles(folder).Length;
        var (bytes, name, alt, field, message) = kind switch
        {
            "script" => (TestImages.Script, "photo.jpg", "Texte", "Upload.File", ImageProcessor.NotAnImage),
            "svg" => (TestImages.Svg, "dessin.png", "Texte", "Upload.File", ImageProcessor.NotAnImage),
            "bomb" => (TestImages.PngDeclaring(60_000, 60_000), "bombe.png", "Texte", "Upload.File",
                "L’image est trop grande : 60000 × 60000 pixels, au-delà de 40 millions de pixels."),
            "oversized" => ([0xFF, 0xD8, 0xFF, .. new byte[(10 * 1024 * 1024) + 1]], "grande.jpg", "Texte", "Upload.File", "L’image dépasse 10 Mo."),
            "no-alt" => (TestImages.Jpeg(200, 100), "photo.jpg", " ", "Upload.AltFr", "Décrivez l’image pour les personnes qui ne la voient pas."),
            _ => (Array.Empty<byte>(), "", "Texte", "Upload.File", "Choisissez une image JPEG, PNG ou WebP."),
        };

        var response = await UploadAsync(client, item.Id, bytes, name, alt);
        var page = await Html.ParseAsync(response);
        var stored = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == item.Id).Select(c => c.LeadImageId).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.Text($"form.image-form [data-valmsg-for='{field}']"));
        Assert.Null(stored);
        Assert.Equal(filesBefore, Directory.GetFiles(folder).Length);
        Assert.Equal(alt.Trim(), page.QuerySelector<IHtmlInputElement>("#Upload_AltFr")!.Value);
    }

    [Fact]
    public async Task Upload_WithoutAntiForgeryToken_IsRejected()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app);
        var item = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Jeton {Guid.NewGuid():N}"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Texte"), "Upload.AltFr" },
            { new ByteArrayContent(TestImages.Jpeg(100, 100)), "Upload.File", "photo.jpg" },
        };

        var response = await client.PostAsync(new Uri($"/admin/contenus/edition/{item.Id}?handler=Image", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == item.Id).Select(c => c.LeadImageId).SingleAsync()));
    }

    /// <summary>Posts the edit page's image form as a browser would: multipart, with its anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] bytes, string fileName, string alt)
    {
        var form = (await client.GetPageAsync($"/admin/contenus/edition/{id}")).Page.QuerySelector<IHtmlFormElement>("form.image-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(e => e.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new StringContent(alt), "Upload.AltFr");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg"); // what the client claims counts for nothing
        content.Add(file, "Upload.File", fileName.Length == 0 ? "vide.jpg" : fileName);
        return await client.PostAsync(Html.ActionOf(form).PathAndQuery, content);
    }
}

using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.MonEspace;

[Collection(AccountsCollection.Name)]
public sealed class DocumentsTests(MailAppFixture fixture)
{
    // The PNG signature and an IHDR chunk: what an image's first bytes are, whatever its name.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string claimedType)
    {
        var (_, page) = await client.GetPageAsync("/mon-espace/documents");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri("/mon-espace/documents", UriKind.Relative), form);
    }

    [Theory, EveryDatabase]
    public async Task TextFileNamedPdf_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var response = await UploadAsync(household.Client, "bulletin.pdf", "Ceci n’est pas un PDF."u8.ToArray(), "application/pdf");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentTypes.UnknownTypeMessage, page.Text("[data-valmsg-for=Upload]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == household.CaseId)));
    }

    [Theory, EveryDatabase]
    public async Task OversizeFile_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var content = new byte[DocumentTypes.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(content);

        var response = await UploadAsync(household.Client, "gros.pdf", content, "application/pdf");
        var page = await Html.ParseAsync(response);

        Assert.Equal(DocumentTypes.TooLargeMessage, page.Text("[data-valmsg-for=Upload]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == household.CaseId)));
    }

    [Theory, EveryDatabase]
    public async Task RealPng_IsKept_DownloadedAsAnAttachment_AndDeleted(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);

        var uploaded = await UploadAsync(household.Client, "C:\\Photos\\justificatif.jpeg", Png, "image/jpeg");
        var (_, list) = await household.Client.GetPageAsync("/mon-espace/documents");
        var link = list.QuerySelector<IHtmlAnchorElement>("#documents a")!;
        var download = await household.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        var deleted = await household.Client.SubmitAsync(list.QuerySelector<IHtmlFormElement>("#documents form")!, new Dictionary<string, string>());
        var other = await SpaceWelcomeSteps.HouseholdAsync(app);
        var foreign = await other.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal("justificatif.png", link.TextContent);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (documents, events) = await app.WithDbAsync(async db => (
            await db.CaseDocuments.CountAsync(d => d.CaseId == household.CaseId),
            await db.CaseEvents.Where(e => e.CaseId == household.CaseId && (e.Kind == CaseEventKind.DocumentAdded || e.Kind == CaseEventKind.DocumentRemoved)).Select(e => e.Kind).ToListAsync()));
        Assert.Equal(0, documents);
        Assert.Equal([CaseEventKind.DocumentAdded, CaseEventKind.DocumentRemoved], events.Order());
    }
}

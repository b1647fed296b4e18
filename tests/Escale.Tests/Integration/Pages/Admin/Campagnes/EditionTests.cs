using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Campaigns;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Campagnes;

[Collection(AccountsCollection.Name)]
public sealed class EditionTests(MailAppFixture fixture)
{
    private static IHtmlFormElement CampaignForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.campaign-form")!;

    private static string Message(IHtmlDocument page, string field) => page.Text($"[data-valmsg-for='{field}']");

    [Theory, EveryDatabase]
    public async Task Create_WithWrongFields_ShowsFrenchMessagesBesideThem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var form = CampaignForm((await client.GetPageAsync("/admin/campagnes/edition")).Page);

        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Slug"] = "Salon 2026 !",
            ["Input.StartsOn"] = "2026-05-10",
            ["Input.EndsOn"] = "2026-05-01",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Indiquez le nom de la campagne.", Message(page, "Input.Name"));
        Assert.StartsWith("L’identifiant ne peut contenir que des lettres minuscules", Message(page, "Input.Slug"), StringComparison.Ordinal);
        Assert.Equal("La fin de la campagne ne peut pas précéder son début.", Message(page, "Input.EndsOn"));
        Assert.Equal("Choisissez au moins un canal de diffusion.", Message(page, "Input.Channels"));
    }

    [Theory, EveryDatabase]
    public async Task Create_PostedTwice_MakesOneCampaign_ThenATakenSlugIsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);
        var slug = "salon-" + Guid.NewGuid().ToString("N")[..8];
        var values = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "Salon de l’emploi de Toulouse"), new("Input.Slug", slug), new("Input.StartsOn", "2026-05-01"),
            new("Input.Channels", "Fair"), new("Input.Channels", "SocialMedia"), new("Input.Status", "Active"),
        };
        var form = CampaignForm((await client.GetPageAsync("/admin/campagnes/edition")).Page);
        var key = form.QuerySelector<IHtmlInputElement>("input[name='Input.CreationKey']")!.Value;
        values.Add(new("Input.CreationKey", key));

        var first = await client.SubmitPairsAsync(form, values);
        var second = await client.SubmitPairsAsync(form, values);
        var again = CampaignForm((await client.GetPageAsync("/admin/campagnes/edition")).Page);
        var taken = await client.SubmitPairsAsync(again, values.Where(v => v.Key != "Input.CreationKey"));
        var campaigns = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Slug == slug).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var campaign = Assert.Single(campaigns);
        Assert.Equal(CampaignChannels.Fair | CampaignChannels.SocialMedia, campaign.Channels);
        Assert.Equal(new DateOnly(2026, 5, 1), campaign.StartsOn);
        Assert.Equal("Une autre campagne porte déjà cet identifiant.", Message(await Html.ParseAsync(taken), "Input.Slug"));
    }

    [Theory, EveryDatabase]
    public async Task Link_ToAnotherSite_IsRefused_AndAnInternalOneGetsAReadableCode(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var client = await ContentSteps.EditorAsync(app);
        var page = (await client.GetPageAsync($"/admin/campagnes/edition/{campaign.Id}")).Page;

        var refused = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.link-form")!,
            new Dictionary<string, string> { ["channel"] = "Radio", ["label"] = "Spot", ["target"] = "https://evil.example/" });
        var made = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.link-form")!,
            new Dictionary<string, string> { ["channel"] = "Radio", ["label"] = "Spot France Bleu", ["target"] = "/offres?kind=job" });
        var link = await app.WithDbAsync(db => db.CampaignLinks.AsNoTracking().SingleAsync(l => l.CampaignId == campaign.Id && l.Label == "Spot France Bleu"));
        var shown = (await client.GetPageAsync($"/admin/campagnes/edition/{campaign.Id}")).Page;

        Assert.StartsWith("La destination doit être une adresse du site", Message(await Html.ParseAsync(refused), "target"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(CampaignChannels.Radio, link.Channel);
        Assert.Matches("^[a-hj-km-np-z2-9]{7}$", link.Code);
        Assert.Contains(shown.QuerySelectorAll(".short-link"), c => c.TextContent.EndsWith("/c/" + link.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ambassador_CannotOpenTheCampaigns()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var client = await ContentSteps.EditorAsync(app, Roles.Ambassador);

        var response = await client.GetAsync(new Uri("/admin/campagnes", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Save_MovesTheCampaignsUpdatedAt_WithoutThePageSettingIt(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        await CampaignSteps.AgeCampaignAsync(app, campaign.Id);
        var client = await ContentSteps.EditorAsync(app);
        var form = CampaignForm((await client.GetPageAsync($"/admin/campagnes/edition/{campaign.Id}")).Page);

        var saved = await client.SubmitPairsAsync(form,
        [
            new("Input.Name", "Salon de l’emploi de Cahors"), new("Input.Slug", campaign.Slug), new("Input.StartsOn", "2026-05-01"),
            new("Input.Channels", "Fair"), new("Input.Status", "Active"),
        ]);
        var stored = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Salon de l’emploi de Cahors", stored.Name);
        Assert.True(stored.UpdatedAt > ContentSteps.LongAgo.AddYears(1), $"{stored.UpdatedAt:O}");
    }
}

using Escale.Core.Campaigns;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Admin.Campagnes;

/// <summary>Campaigns arranged directly in the database, and a visitor's client that does not look like a robot.</summary>
public static class CampaignSteps
{
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    public sealed record Arranged(int Id, string Slug, string Code, int LandingPageId, string LandingSlug);

    /// <summary>A running campaign with a poster link to its published landing page.</summary>
    public static Task<Arranged> ArrangeAsync(EscaleAppFactory app, CampaignStatus status = CampaignStatus.Active, DateOnly? startsOn = null) =>
        app.WithDbAsync(async db =>
        {
            var slug = "camp-" + Guid.NewGuid().ToString("N")[..12];
            var now = DateTimeOffset.UtcNow;
            var campaign = new Campaign
            {
                Name = "Salon " + slug, Slug = slug, Status = status, Channels = CampaignChannels.Poster | CampaignChannels.Radio,
                StartsOn = startsOn ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), CreatedAt = now, UpdatedAt = now,
            };
            var page = new LandingPage
            {
                Slug = slug, Title = "Vivre dans le Lot", Summary = "Ils ont choisi le Lot.", Published = true, UpdatedAt = now,
                Blocks = [new LandingBlock { Kind = LandingBlockKind.Text, Position = 1, Heading = "Pourquoi ici", BodyMarkdown = "Du **travail**." }],
            };
            campaign.LandingPages.Add(page);
            var link = new CampaignLink { Code = ShortCode.New(), Channel = CampaignChannels.Poster, Label = "Affiche gare", TargetPath = "/decouvrir/" + slug, CreatedAt = now };
            campaign.Links.Add(link);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return new Arranged(campaign.Id, slug, link.Code, page.Id, page.Slug);
        });

    public static Task AgeCampaignAsync(EscaleAppFactory app, int id) =>
        app.WithDbAsync(async db =>
        {
            (await db.Campaigns.SingleAsync(c => c.Id == id)).UpdatedAt = ContentSteps.LongAgo;
            return await db.SaveChangesAsync();
        });

    public static Task AgeLandingPageAsync(EscaleAppFactory app, int id) =>
        app.WithDbAsync(async db =>
        {
            (await db.LandingPages.SingleAsync(p => p.Id == id)).UpdatedAt = ContentSteps.LongAgo;
            return await db.SaveChangesAsync();
        });

    public static HttpClient Visitor(EscaleAppFactory app)
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    /// <summary>The Set-Cookie header for <paramref name="name"/>, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}

using System.Net;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Pages.Evenements;

public sealed class CalendarTests
{
    [Theory, EveryDatabase]
    public async Task CalendarFeed_HasUpcomingPublishedEvents_InParisTime_WithAStableUid(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var starts = new DateTimeOffset(2030, 7, 14, 19, 0, 0, TimeSpan.Zero);
        var item = await ContentSteps.ArrangeAsync(app, new ContentDraft
        {
            Type = ContentType.Event,
            StartsAt = starts,
            EndsAt = starts.AddHours(3),
            Venue = "Allées Fénelon",
            Texts = [new ContentText("fr", "Bal populaire", "Guinguette et feu d’artifice.", null)],
        });
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Passé", DateTimeOffset.UtcNow.AddDays(-2)));
        await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Brouillon", DateTimeOffset.UtcNow.AddDays(2)), publish: false);
        var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri("/evenements/calendrier.ics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        await RenameAsync(app, item.Id, "Grand bal populaire");
        var again = Calendar.Load(await client.GetStringAsync(new Uri("/evenements/calendrier.ics", UriKind.Relative)))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("Bal populaire", vevent.Summary);
        Assert.Equal("Europe/Paris", vevent.DtStart!.TzId);
        Assert.Equal(new DateTime(2030, 7, 14, 21, 0, 0), vevent.DtStart.Value);
        Assert.Equal(new DateTime(2030, 7, 15, 0, 0, 0), vevent.DtEnd!.Value);
        Assert.Contains("Allées Fénelon", vevent.Location, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20300714T210000", text, StringComparison.Ordinal);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");
        var renamed = Assert.Single(again.Events);
        Assert.Equal("Grand bal populaire", renamed.Summary);
        Assert.Equal(vevent.Uid, renamed.Uid);
    }

    [Fact]
    public async Task OneEvent_DownloadsAsAnIcsFile_AndAnUnknownOneIs404()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var item = await ContentSteps.ArrangeAsync(app, IndexTestsData.Event("Fête de la musique", new DateTimeOffset(2030, 6, 21, 18, 0, 0, TimeSpan.Zero)));
        var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri($"/evenements/{item.Slug}.ics", UriKind.Relative));
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var unknown = await client.GetAsync(new Uri("/evenements/inconnu.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{item.Slug}.ics", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("Fête de la musique", Assert.Single(calendar.Events).Summary);
        Assert.Equal(new DateTime(2030, 6, 21, 20, 0, 0), calendar.Events[0]!.DtStart!.Value);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task RenameAsync(EscaleAppFactory app, int id, string title)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var translation = await db.Set<ContentTranslation>().SingleAsync(t => t.ContentItemId == id && t.Language == "fr");
        translation.Title = title;
        // As every editor's save does: the content index and the cached pages see a change by its UpdatedAt.
        (await db.ContentItems.SingleAsync(c => c.Id == id)).UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}

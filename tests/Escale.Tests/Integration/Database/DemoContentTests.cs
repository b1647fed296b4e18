using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Database;

public sealed class DemoContentTests
{
    private static readonly DemoContent.File Demo = DemoContent.Load(RepoPaths.LotPack);

    [Theory, EveryDatabase]
    public async Task Seeding_Twice_GivesTheSameItems_PublishedAcrossEveryPersonaAndIntercommunality(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var zone = Escale.Web.Infrastructure.Localization.ParisTime.Zone;
        var now = DateTimeOffset.UtcNow;

        var first = await DemoContent.SeedAsync(db, Demo, now, zone);
        var count = await db.ContentItems.CountAsync();
        var second = await DemoContent.SeedAsync(db, Demo, now.AddDays(1), zone);

        Assert.True(first >= 40, $"{first} items");
        Assert.Equal(Demo.Items.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(count, await db.ContentItems.CountAsync());
        Assert.Equal(count, await db.ContentItems.CountAsync(c => c.Status == ContentStatus.Published && c.PublishAt <= now));
        var personas = await db.Personas.Select(p => p.Slug).ToListAsync();
        var covered = await db.ContentPersonas.Select(p => p.PersonaSlug).Distinct().ToListAsync();
        Assert.Equal(personas.Order(), covered.Order());
        var epcis = await db.Intercommunalities.Select(e => e.Id).ToListAsync();
        var placed = await db.ContentItems.Select(c => c.CommuneId != null ? c.Commune!.IntercommunalityId : c.IntercommunalityId).Distinct().ToListAsync();
        Assert.Empty(epcis.Except(placed.OfType<int>()));
        Assert.True(await db.ContentItems.CountAsync(c => c.Type == ContentType.Event && c.StartsAt > now) >= 8);
        foreach (var type in Enum.GetValues<ContentType>())
        {
            Assert.True(await db.ContentItems.AnyAsync(c => c.Type == type), type.ToString());
        }
    }

    [Fact]
    public void EveryDemoText_IsValid_SaysItIsFictional_AndRendersToTheAllowList()
    {
        var zone = Escale.Web.Infrastructure.Localization.ParisTime.Zone;
        string[] allowed = ["p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre", "br", "hr",
            "figure", "figcaption", "button"];
        var parser = new AngleSharp.Html.Parser.HtmlParser();

        Assert.All(Demo.Items, item =>
        {
            var draft = DemoContent.ToDraft(item, null, null, DateOnly.FromDateTime(DateTime.UtcNow), zone);
            Assert.Empty(draft.Validate());
            Assert.All(draft.Texts, text =>
            {
                Assert.Contains(text.Language == "fr" ? "Récit fictif de démonstration" : "Fictional demonstration story", text.BodyMarkdown, StringComparison.Ordinal);
                var html = ContentMarkdown.ToSafeHtml(text.BodyMarkdown, text.Language);
                var elements = parser.ParseDocument(html).Body!.QuerySelectorAll("*");
                Assert.All(elements, e => Assert.Contains(e.LocalName, allowed));
                Assert.Empty(parser.ParseDocument(html).QuerySelectorAll("[src], script, iframe"));
            });
        });
        Assert.True(Demo.Items.Count(i => i.Fr.Body.Contains("\n::", StringComparison.Ordinal)) >= 3, "a few embeds");
        Assert.Equal(Demo.Items.Count, Demo.Items.Select(i => i.Slug).Distinct().Count());
        // Company names and websites are invented: every site is on the reserved example domain.
        Assert.All(Demo.Items.Where(i => i.Website is not null), i => Assert.EndsWith(".example", new Uri(i.Website!).Host, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPortraitOccupation_IsARomeCodeOfTheReferenceFile()
    {
        var codes = File.ReadLines(Path.Combine(RepoPaths.Root, "reference", "rome_metiers.csv")).Skip(1).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var occupations = Demo.Items.Where(i => i.Occupation is not null).ToList();

        Assert.True(occupations.Count >= 5, "the demo portraits name their occupation");
        Assert.All(occupations, i => Assert.Equal("portrait", i.Type));
        Assert.All(occupations, i => Assert.Contains(i.Occupation!, codes));
    }
}

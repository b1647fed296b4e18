using Escale.Core.Content;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Database;

/// <summary>UpdatedAt is stamped by the save itself (UpdatedAtInterceptor), including for a change to a record's parts alone.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class UpdatedAtTests(AppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task ChangingOnlyATranslation_MovesItsItemsUpdatedAt_EvenWhenTheItemIsNotLoaded(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var story = await ContentSteps.ArrangeAsync(app, ContentSteps.Story($"Marc, boulanger à Gourdon {Guid.NewGuid():N}"));
        await ContentSteps.AgeAsync(app, story.Id);

        await app.WithDbAsync(async db =>
        {
            (await db.ContentTranslations.SingleAsync(t => t.ContentItemId == story.Id)).Summary = "Un nouveau chapeau";
            return await db.SaveChangesAsync();
        });
        var updatedAt = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == story.Id).Select(c => c.UpdatedAt).SingleAsync());

        Assert.True(updatedAt > ContentSteps.LongAgo.AddYears(1), $"{updatedAt:O}");
    }

    [Theory, EveryDatabase]
    public async Task AnUpdatedAtSetOnPurpose_IsKept_WhenTheItemIsAddedAndWhenItIsChanged(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var slug = "demo-" + Guid.NewGuid().ToString("N")[..12];

        // As demo data does: an item written with its own, older, dates.
        var id = await app.WithDbAsync(async db =>
        {
            var item = new ContentItem
            {
                Slug = slug, Type = ContentType.News, CreatedAt = ContentSteps.LongAgo, UpdatedAt = ContentSteps.LongAgo,
                Translations = [new ContentTranslation { Language = "fr", Title = "Un récit ancien" }],
            };
            db.ContentItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var added = await app.WithDbAsync(db => db.ContentItems.Where(c => c.Id == id).Select(c => c.UpdatedAt).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var item = await db.ContentItems.Include(c => c.Translations).SingleAsync(c => c.Id == id);
            item.Featured = true;
            item.Translations[0].Summary = "Ajouté plus tard";
            item.UpdatedAt = ContentSteps.LongAgo.AddDays(1);
            return await db.SaveChangesAsync();
        });
        var changed = await app.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(c => c.Id == id));

        Assert.Equal(ContentSteps.LongAgo, added);
        Assert.True(changed.Featured);
        Assert.Equal(ContentSteps.LongAgo.AddDays(1), changed.UpdatedAt);
    }
}

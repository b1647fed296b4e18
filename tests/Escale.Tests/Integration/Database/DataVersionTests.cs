using Escale.Core.Data;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Database;

/// <summary>The two cache versions move with their own saves only: a call's save refreshes the calls' pages, not the places'.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DataVersionTests(AppFixture fixture)
{
    [Fact]
    public async Task SavingACall_MovesTheCallsVersion_AndLeavesThePlacesVersion()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var call = await CallSteps.CallAsync(app);
        var places = app.Services.GetRequiredService<PlaceDataVersion>();
        var calls = app.Services.GetRequiredService<CallsDataVersion>();
        var (placesBefore, callsBefore) = (places.Value, calls.Value);

        await app.WithDbAsync(async db =>
        {
            (await db.Calls.SingleAsync(c => c.Id == call.Id)).Summary = "Un autre résumé de l’appel.";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(callsBefore + 2, calls.Value);
        Assert.Equal(placesBefore, places.Value);
    }

    [Fact]
    public async Task ASaveOfNothingWatched_MovesNeither()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var places = app.Services.GetRequiredService<PlaceDataVersion>();
        var calls = app.Services.GetRequiredService<CallsDataVersion>();
        var (placesBefore, callsBefore) = (places.Value, calls.Value);

        await app.WithDbAsync(db => db.SaveChangesAsync());

        Assert.Equal(callsBefore, calls.Value);
        Assert.Equal(placesBefore, places.Value);
    }
}

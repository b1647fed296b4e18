using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.EspaceReseau;

[Collection(AccountsCollection.Name)]
public sealed class MembresTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Coordinator_ManagesTheirStructuresMembers_AndGetsNotFoundForAnother(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var coordinator = await SignedInAsync(app);
        var own = await StructureAsync(app, members: Member("Coordination", WelcomeMemberRole.Coordinator, coordinator.User.Email, coordinator.User.Id));
        var other = await StructureAsync(app, members: Member("Quelqu’un", WelcomeMemberRole.Volunteer));
        var otherMemberId = await app.WithDbAsync(db => db.WelcomeStructureMembers.Where(m => m.StructureId == other.Id).Select(m => m.Id).SingleAsync());

        var (ownResponse, ownPage) = await coordinator.Client.GetPageAsync($"/espace-reseau/structures/{own.Id}/membres");
        var form = ownPage.QuerySelector<IHtmlFormElement>("form[action$='/membres']")!;
        var added = await coordinator.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Alex Bénévole", ["Input.Role"] = nameof(WelcomeMemberRole.Volunteer), ["Input.Email"] = "alex@test.escale", ["Input.InDirectory"] = "true",
        });
        var again = await coordinator.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Alex Bénévole", ["Input.Role"] = nameof(WelcomeMemberRole.Volunteer), ["Input.Email"] = "alex@test.escale",
        });
        var forgedGet = await coordinator.Client.GetAsync(new Uri($"/espace-reseau/structures/{other.Id}/membres", UriKind.Relative));
        var forgedAdd = await coordinator.Client.PostAsync(new Uri($"/espace-reseau/structures/{other.Id}/membres", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), new("Input.Name", "Intrus")]));
        var forgedRemove = await coordinator.Client.PostAsync(new Uri($"/espace-reseau/structures/{other.Id}/membres?handler=retirer&memberId={otherMemberId}", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)]));
        var forgedEvent = await coordinator.Client.GetAsync(new Uri($"/espace-reseau/structures/{other.Id}/evenements", UriKind.Relative));
        var forgedStructure = await coordinator.Client.GetAsync(new Uri($"/espace-reseau/structures/{own.Id}", UriKind.Relative));
        var anonymous = await app.CreateBrowserlessClient().GetAsync(new Uri($"/espace-reseau/structures/{own.Id}/membres", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("déjà membre", (await Html.ParseAsync(again)).Text("[data-valmsg-for='Input.Name']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forgedGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedAdd.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedRemove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedStructure.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var members = await app.WithDbAsync(db => db.WelcomeStructureMembers.Where(m => m.StructureId == own.Id || m.StructureId == other.Id)
            .Select(m => new { m.StructureId, m.Name, m.InDirectory }).ToListAsync());
        Assert.Single(members, m => m.StructureId == own.Id && m.Name == "Alex Bénévole" && m.InDirectory);
        Assert.Equal(["Quelqu’un"], members.Where(m => m.StructureId == other.Id).Select(m => m.Name));
    }

    [Theory, EveryDatabase]
    public async Task Coordinator_WithoutAnAccount_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var admin = await SignedInAdministratorAsync(app);
        var structure = await StructureAsync(app);

        var (_, page) = await admin.Client.GetPageAsync($"/espace-reseau/structures/{structure.Id}/membres");
        var response = await admin.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action$='/membres']")!, new Dictionary<string, string>
        {
            ["Input.Name"] = "Sans compte", ["Input.Role"] = nameof(WelcomeMemberRole.Coordinator), ["Input.Email"] = $"personne-{Guid.NewGuid():N}@test.escale",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await Html.ParseAsync(response);
        Assert.Contains("compte Escale", form.Text("[data-valmsg-for='Input.Email']"), StringComparison.Ordinal);
        Assert.Equal("Sans compte", form.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.False(await app.WithDbAsync(db => db.WelcomeStructureMembers.AnyAsync(m => m.StructureId == structure.Id)));
    }
}

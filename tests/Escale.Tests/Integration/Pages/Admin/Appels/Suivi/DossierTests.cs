using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels.Suivi;

[Collection(AccountsCollection.Name)]
public sealed class DossierTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Open_PostedTwice_MakesOneFollowUp(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var laureate = await CallSteps.LaureateAsync(app, call, await MailAppFixture.CreateUserAsync(app), "Atelier vélo", new Dictionary<string, string>());
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/suivi");
        var open = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Open']")!;

        var first = await team.Client.SubmitAsync(open, new Dictionary<string, string>());
        var second = await team.Client.SubmitAsync(open, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var followUps = await app.WithDbAsync(db => db.ProjectFollowUps.Where(f => f.ApplicationId == laureate.Id).ToListAsync());
        Assert.Single(followUps);
        Assert.StartsWith("atelier-velo", followUps[0].Slug, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task SupportMilestoneAndNote_AreRecorded_AndTheNoteNeverReachesTheLaureateNorThePublic(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app, resultsPublished: true);
        var lead = await SignedInAsync(app);
        var laureate = await CallSteps.LaureateAsync(app, call, lead.User, "Radio du lycée", new Dictionary<string, string>());
        var followUp = await CallSteps.FollowUpAsync(app, laureate.Id, published: true);
        var organisation = await app.WithDbAsync(async db =>
        {
            var created = new Escale.Core.Opportunities.Organisation { Name = CallSteps.Unique("Fab lab"), Slug = CallSteps.Unique("fab-lab").Replace(' ', '-') };
            db.Organisations.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        var path = $"/admin/appels/{call.Id}/suivi/{followUp.Id}";
        var (_, page) = await team.Client.GetPageAsync(path);

        await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Support']")!, new Dictionary<string, string>
        {
            ["Support.Amount"] = "2000", ["Support.Mentor"] = "Claire Mentor",
            ["Support.PartnerOrganisationId"] = organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Milestone']")!, new Dictionary<string, string>
        {
            ["title"] = "Première émission", ["dueOn"] = "2027-02-15", ["isPublic"] = "true",
        });
        await team.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Note']")!, new Dictionary<string, string>
        {
            ["text"] = "Note interne : équipe fragile, à appeler.",
        });

        var stored = await app.WithDbAsync(db => db.ProjectFollowUps.Include(f => f.Milestones).Include(f => f.Entries).SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal((2000m, "Claire Mentor", (int?)organisation.Id), (stored.SupportAmountEuros!.Value, stored.MentorName, stored.PartnerOrganisationId));
        Assert.Equal("Première émission", Assert.Single(stored.Milestones).Title);
        Assert.Equal(FollowUpEntryKind.TeamNote, Assert.Single(stored.Entries).Kind);
        var (_, teamPage) = await team.Client.GetPageAsync(path);
        Assert.Contains("équipe fragile", teamPage.Text("#entrees"), StringComparison.Ordinal);

        var (_, laureatePage) = await lead.Client.GetPageAsync($"/candidatures/{laureate.Id}/suivi");
        var (_, publicPage) = await app.CreateBrowserlessClient().GetPageAsync("/projets-de-jeunes/" + followUp.Slug);
        Assert.Contains("Première émission", laureatePage.Text("#liste-jalons"), StringComparison.Ordinal);
        Assert.Contains("Claire Mentor", laureatePage.Text("#accompagnement-detail"), StringComparison.Ordinal);
        Assert.Contains("Première émission", publicPage.Text("#liste-jalons"), StringComparison.Ordinal);
        Assert.DoesNotContain("équipe fragile", laureatePage.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("équipe fragile", publicPage.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Claire Mentor", publicPage.Source.Text, StringComparison.Ordinal);
    }
}

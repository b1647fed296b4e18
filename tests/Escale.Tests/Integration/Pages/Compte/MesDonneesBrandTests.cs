using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.BrandCoCreation;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Compte;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Infrastructure.BrandSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Compte;

/// <summary>The brand co-creation in the person's data: exported, and erased with the account.</summary>
[Collection(AccountsCollection.Name)]
public sealed class MesDonneesBrandTests(MailAppFixture fixture)
{
    private static async Task VoteAndCommentAsync(HttpClient client, int proposalId, string comment)
    {
        var page = (await client.GetPageAsync($"/jeunes/marque/{proposalId}")).Page;
        await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=voter']")!, new Dictionary<string, string>());
        await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=commenter']")!, new Dictionary<string, string> { ["Comment.Text"] = comment });
    }

    [Theory, EveryDatabase]
    public async Task Export_GivesTheProposalsVotesAndComments_InWords(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var young = await SignedInAsync(app);
        var other = await SignedInAsync(app);
        var mine = await ProposalAsync(app, young.User, BrandProposalStatus.Answered);
        var theirs = await ProposalAsync(app, other.User);
        await VoteAndCommentAsync(young.Client, theirs.Id, "Trop bien !");

        var data = JsonDocument.Parse(await young.Client.GetStringAsync(new Uri("/compte/mes-donnees/export", UriKind.Relative))).RootElement.GetProperty("MarqueDuTerritoire");

        var proposal = data.GetProperty("Propositions")[0];
        Assert.Equal(mine.Title, proposal.GetProperty("Titre").GetString());
        Assert.Equal("Message ou slogan", proposal.GetProperty("Type").GetString());
        Assert.Equal("Retenue", proposal.GetProperty("ReponseDeLaCommission").GetString());
        Assert.Equal(theirs.Title, data.GetProperty("Votes")[0].GetProperty("Proposition").GetString());
        Assert.Equal("Trop bien !", data.GetProperty("Commentaires")[0].GetProperty("Texte").GetString());
    }

    [Theory, EveryDatabase]
    public async Task Erase_DeletesVotesCommentsAndUnansweredProposals_AndKeepsAnsweredOnesWithoutTheirAuthor(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var young = await SignedInAsync(app);
        var other = await SignedInAsync(app);
        var answered = await ProposalAsync(app, young.User, BrandProposalStatus.Answered);
        var published = await ProposalAsync(app, young.User);
        var waiting = await ProposalAsync(app, young.User, BrandProposalStatus.Submitted);
        var theirs = await ProposalAsync(app, other.User);
        await VoteAndCommentAsync(young.Client, theirs.Id, "Mon commentaire");
        await VoteAndCommentAsync(other.Client, published.Id, "Leur commentaire");

        await using (var scope = app.Scope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>().Users.SingleAsync(u => u.Id == young.User.Id);
            await scope.ServiceProvider.GetRequiredService<PersonalData>().EraseAsync(user, CancellationToken.None);
        }

        var left = await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == answered.Id || p.Id == published.Id || p.Id == waiting.Id)
            .Select(p => new { p.Id, p.AuthorUserId }).ToListAsync());
        Assert.Equal([(answered.Id, (string?)null)], left.Select(p => (p.Id, p.AuthorUserId)));
        Assert.False(await app.WithDbAsync(db => db.BrandProposalVotes.AnyAsync(v => v.UserId == young.User.Id || v.ProposalId == published.Id)));
        Assert.False(await app.WithDbAsync(db => db.BrandProposalComments.AnyAsync(c => c.AuthorUserId == young.User.Id || c.ProposalId == published.Id)));
        // The public page of the answered proposal stays.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateBrowserlessClient().GetAsync(new Uri($"/jeunes/marque/{answered.Id}", UriKind.Relative))).StatusCode);
    }
}

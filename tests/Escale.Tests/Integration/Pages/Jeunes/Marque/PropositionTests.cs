using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.BrandCoCreation;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.BrandSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Jeunes.Marque;

[Collection(AccountsCollection.Name)]
public sealed class PropositionTests(MailAppFixture fixture)
{
    private static string PathOf(int id) => $"/jeunes/marque/{id}";

    private static async Task<IHtmlFormElement?> FormAsync(HttpClient client, int id, string handler) =>
        (await client.GetPageAsync(PathOf(id))).Page.QuerySelector<IHtmlFormElement>($"form[action*='handler={handler}']");

    [Theory, EveryDatabase]
    public async Task Vote_SubmittedTwice_CountsOnce_AndTheCountIsShown(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var voter = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);
        var form = (await FormAsync(voter.Client, proposal.Id, "voter"))!;

        var first = await voter.Client.SubmitAsync(form, new Dictionary<string, string>());
        var second = await voter.Client.SubmitAsync(form, new Dictionary<string, string>());
        var (_, page) = await voter.Client.GetPageAsync(PathOf(proposal.Id));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.BrandProposalVotes.CountAsync(v => v.ProposalId == proposal.Id)));
        Assert.Equal("1 vote", page.Text("#nombre-votes"));
        Assert.Equal("Vous soutenez cette proposition.", page.Text("#mon-vote"));
        Assert.Null(page.QuerySelector("form[action*='handler=voter']"));
    }

    [Theory, EveryDatabase]
    public async Task Vote_ForOnesOwnProposal_IsRefused_AndNotCounted(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);
        var other = await SignedInAsync(app);
        // The author's page offers no vote button: post the form another person sees, with the author's own token.
        var voteForm = (await FormAsync(other.Client, proposal.Id, "voter"))!;
        var authorsOwnPage = (await author.Client.GetPageAsync(PathOf(proposal.Id))).Page;
        var token = authorsOwnPage.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var response = await author.Client.SubmitAsync(voteForm, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var page = await Html.ParseAsync(response);

        Assert.Null(authorsOwnPage.QuerySelector("form[action*='handler=voter']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vous ne pouvez pas voter pour votre propre proposition.", page.Text("#vote-erreur"));
        Assert.Equal(0, await app.WithDbAsync(db => db.BrandProposalVotes.CountAsync(v => v.ProposalId == proposal.Id)));
    }

    [Theory, EveryDatabase]
    public async Task Vote_Withdrawn_NoLongerCounts(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var voter = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);
        await voter.Client.SubmitAsync((await FormAsync(voter.Client, proposal.Id, "voter"))!, new Dictionary<string, string>());

        await voter.Client.SubmitAsync((await FormAsync(voter.Client, proposal.Id, "retirer"))!, new Dictionary<string, string>());
        var (_, page) = await voter.Client.GetPageAsync(PathOf(proposal.Id));

        Assert.Equal("0 vote", page.Text("#nombre-votes"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=voter']"));
    }

    [Fact]
    public async Task Vote_AsAVisitor_AsksToSignIn_AndCountsNothing()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var author = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);
        var voter = await SignedInAsync(app);
        var form = (await FormAsync(voter.Client, proposal.Id, "voter"))!;
        var visitor = app.CreateBrowserlessClient();
        var visitorsPage = (await visitor.GetPageAsync(PathOf(proposal.Id))).Page;
        // A visitor's own anti-forgery token, from a public form: the vote itself must then ask to sign in.
        var token = (await visitor.GetPageAsync("/compte/connexion")).Page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var response = await visitor.SubmitAsync(form, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Null(visitorsPage.QuerySelector("form[action*='handler=voter']"));
        Assert.Contains("Connectez-vous pour voter", visitorsPage.Text("#votes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await app.WithDbAsync(db => db.BrandProposalVotes.CountAsync(v => v.ProposalId == proposal.Id)));
    }

    [Theory, EveryDatabase]
    public async Task Comment_IsShownAtOnce_AndADoubleSubmitMakesOne(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var reader = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);
        var form = (await FormAsync(reader.Client, proposal.Id, "commenter"))!;
        var text = $"J’adore, ça sent les vacances {Guid.NewGuid():N}";

        await reader.Client.SubmitAsync(form, new Dictionary<string, string> { ["Comment.Text"] = text });
        await reader.Client.SubmitAsync(form, new Dictionary<string, string> { ["Comment.Text"] = text });
        var (_, page) = await app.CreateBrowserlessClient().GetPageAsync(PathOf(proposal.Id));

        Assert.Contains(text, page.Text("#liste-commentaires"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.BrandProposalComments.CountAsync(c => c.ProposalId == proposal.Id)));
    }

    [Fact]
    public async Task Comment_Empty_IsRefusedBesideTheField()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var author = await SignedInAsync(app);
        var reader = await SignedInAsync(app);
        var proposal = await ProposalAsync(app, author.User);

        var response = await reader.Client.SubmitAsync((await FormAsync(reader.Client, proposal.Id, "commenter"))!, new Dictionary<string, string> { ["Comment.Text"] = "  " });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Écrivez votre commentaire.", page.Text("[data-valmsg-for='Comment.Text']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.BrandProposalComments.CountAsync(c => c.ProposalId == proposal.Id)));
    }

    [Theory, EveryDatabase]
    public async Task ProposalsAwaitingModerationOrRejected_AreNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var submitted = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);
        var rejected = await ProposalAsync(app, author.User, BrandProposalStatus.Rejected);
        var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PathOf(submitted.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PathOf(rejected.Id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync(new Uri(PathOf(submitted.Id), UriKind.Relative))).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task List_FiltersByKindAndAnswer_AndSortsByVotes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var quiet = await ProposalAsync(app, author.User, kind: BrandProposalKind.ToolIdea, title: $"Outil discret {marker}");
        var popular = await ProposalAsync(app, author.User, kind: BrandProposalKind.ToolIdea, title: $"Outil populaire {marker}");
        var answered = await ProposalAsync(app, author.User, BrandProposalStatus.Answered, BrandProposalKind.ToolIdea, $"Outil retenu {marker}");
        var message = await ProposalAsync(app, author.User, title: $"Slogan {marker}");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var voter = await SignedInAsync(app);
            await voter.Client.SubmitAsync((await FormAsync(voter.Client, popular.Id, "voter"))!, new Dictionary<string, string>());
        }
        var client = app.CreateBrowserlessClient();

        var byVotes = (await client.GetPageAsync("/jeunes/marque?type=outil&reponse=en-attente&tri=votes")).Page;
        var retained = (await client.GetPageAsync("/jeunes/marque?type=outil&reponse=retenue")).Page;

        var titles = byVotes.QuerySelectorAll("#liste-propositions h3").Select(h => h.TextContent.Trim()).Where(t => t.EndsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([popular.Title, quiet.Title], titles);
        Assert.Contains(answered.Title, retained.Text("#liste-propositions"), StringComparison.Ordinal);
        Assert.DoesNotContain(quiet.Title, retained.Text("#liste-propositions"), StringComparison.Ordinal);
        Assert.DoesNotContain(message.Title, retained.Text("#liste-propositions"), StringComparison.Ordinal);
        Assert.Equal("visuel", (await client.GetPageAsync("/jeunes/marque?type=visuel")).Page.QuerySelector<IHtmlSelectElement>("#filtre-type")!.Value);
    }
}

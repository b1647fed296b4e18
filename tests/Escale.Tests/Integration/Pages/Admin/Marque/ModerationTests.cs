using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.BrandCoCreation;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Infrastructure.BrandSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Marque;

[Collection(AccountsCollection.Name)]
public sealed class ModerationTests(MailAppFixture fixture)
{
    private static string PathOf(int id) => $"/admin/marque/{id}/moderation";

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, int id, string handler) =>
        (await client.GetPageAsync(PathOf(id))).Page.QuerySelector<IHtmlFormElement>($"form[action*='handler={handler}']")!;

    [Theory, EveryDatabase]
    public async Task Publish_MakesTheProposalPublic_AndTellsItsAuthor(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);
        var queue = (await editor.Client.GetPageAsync("/admin/marque")).Page;

        var response = await editor.Client.SubmitAsync(await FormAsync(editor.Client, proposal.Id, "publier"), new Dictionary<string, string>());
        var publicPage = await app.CreateBrowserlessClient().GetAsync(new Uri($"/jeunes/marque/{proposal.Id}", UriKind.Relative));

        Assert.Contains(proposal.Title, queue.Text("#file-moderation"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        var mail = await fixture.Mail.WaitForMessageAsync(author.User.Email!, where: m => (m.Subject ?? "").Contains(proposal.Title, StringComparison.Ordinal));
        Assert.StartsWith($"Votre proposition « {proposal.Title} » est publiée", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/jeunes/marque/{proposal.Id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task TwoDecisionsSavedFromTheSameState_TheSecondFails_SoTheAuthorIsToldOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var (one, other) = (await SignedInAsync(app, Roles.Editor), await SignedInAsync(app, Roles.Editor));
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);
        await using var first = app.Scope();
        await using var second = app.Scope();
        var firstDb = first.ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<Escale.Core.Data.EscaleDbContext>();
        var seenByFirst = await firstDb.BrandProposals.SingleAsync(p => p.Id == proposal.Id);
        var seenBySecond = await secondDb.BrandProposals.SingleAsync(p => p.Id == proposal.Id);

        Assert.Null(BrandProposalWorkflow.Publish(seenByFirst, one.User.Id, DateTimeOffset.UtcNow));
        Assert.Null(BrandProposalWorkflow.Reject(seenBySecond, other.User.Id, "Trop proche d’une marque existante.", DateTimeOffset.UtcNow));
        await firstDb.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        Assert.Equal(BrandProposalStatus.Published,
            await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task ManyPublishClicksAtOnce_PublishOnce_AndQueueOneEmail()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Postgres);
        var author = await SignedInAsync(app);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);
        var form = await FormAsync(editor.Client, proposal.Id, "publier");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => editor.Client.SubmitAsync(form, new Dictionary<string, string>())));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"{(int)a.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.To == author.User.Email && m.Subject.Contains(proposal.Title))));
    }

    [Theory, EveryDatabase]
    public async Task Reject_WithAReason_KeepsItPrivate_AndTellsTheAuthorWhy(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);

        var response = await editor.Client.SubmitAsync(await FormAsync(editor.Client, proposal.Id, "refuser"),
            new Dictionary<string, string> { ["Reason"] = "Le slogan reprend une marque déposée." });
        var publicPage = await app.CreateBrowserlessClient().GetAsync(new Uri($"/jeunes/marque/{proposal.Id}", UriKind.Relative));
        var mine = (await author.Client.GetPageAsync("/jeunes/marque/mes-propositions")).Page;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        Assert.Contains("Le slogan reprend une marque déposée.", mine.Text("#mes-propositions"), StringComparison.Ordinal);
        var mail = await fixture.Mail.WaitForMessageAsync(author.User.Email!, where: m => (m.Subject ?? "").Contains(proposal.Title, StringComparison.Ordinal));
        Assert.StartsWith($"Votre proposition « {proposal.Title} » n’a pas été publiée", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Le slogan reprend une marque déposée.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutAReason_IsRefusedBesideTheField_AndTellsNobody()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var author = await SignedInAsync(app);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);

        var response = await editor.Client.SubmitAsync(await FormAsync(editor.Client, proposal.Id, "refuser"), new Dictionary<string, string> { ["Reason"] = " " });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Indiquez le motif du refus : il sera envoyé à l’auteur.", page.Text("[data-valmsg-for='Reason']"));
        Assert.Equal(BrandProposalStatus.Submitted, await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
        Assert.Empty(fixture.Mail.MessagesTo(author.User.Email!));
    }

    [Theory, EveryDatabase]
    public async Task HideComment_RemovesItFromThePublicPage_AndTellsItsAuthorNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var commenter = await SignedInAsync(app);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User);
        var text = $"Commentaire déplacé {Guid.NewGuid():N}";
        var commentForm = (await commenter.Client.GetPageAsync($"/jeunes/marque/{proposal.Id}")).Page.QuerySelector<IHtmlFormElement>("form[action*='handler=commenter']")!;
        await commenter.Client.SubmitAsync(commentForm, new Dictionary<string, string> { ["Comment.Text"] = text });

        var response = await editor.Client.SubmitAsync(await FormAsync(editor.Client, proposal.Id, "masquer"), new Dictionary<string, string>());
        var publicPage = (await app.CreateBrowserlessClient().GetPageAsync($"/jeunes/marque/{proposal.Id}")).Page;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(text, publicPage.Text("#commentaires"), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.BrandProposalComments.Where(c => c.ProposalId == proposal.Id).Select(c => c.HiddenAt).SingleAsync()));
        Assert.Empty(fixture.Mail.MessagesTo(commenter.User.Email!));
    }

    [Theory, EveryDatabase]
    public async Task CommissionMember_SeesTheQueue_ButCannotModerate(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var member = await SignedInAsync(app, Roles.CommissionMember);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);

        var queue = await member.Client.GetAsync(new Uri("/admin/marque", UriKind.Relative));
        var moderation = await member.Client.GetAsync(new Uri(PathOf(proposal.Id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, moderation.StatusCode);
    }
}

using System.Text.RegularExpressions;
using Escale.Core.BrandCoCreation;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The co-creation of the territory's brand, as its people live it: a young person finds the space from the footer and
/// proposes a slogan; an editor publishes it (the author is told); two other young people vote for it — one of them
/// double-clicks, counted once; the communication commission answers "retained" with its reason; the author receives the answer
/// by e-mail, follows its link, and the public page shows the answer and the two votes. Real SMTP, real Chromium.
/// </summary>
public sealed partial class BrandCoCreationJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task AYoungPersonProposesASlogan_TwoOthersVote_TheCommissionAnswers_AndTheAuthorIsTold()
    {
        var app = _site.App;
        var author = await MailAppFixture.CreateUserAsync(app);
        var firstVoter = await MailAppFixture.CreateUserAsync(app);
        var secondVoter = await MailAppFixture.CreateUserAsync(app);
        var editor = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var member = await MailAppFixture.CreateUserAsync(app, roles: Roles.CommissionMember);
        var slogan = $"Le Lot, ici ça respire {Guid.NewGuid().ToString("N")[..6]}";

        // 1. The young person finds the space from the footer and proposes a slogan.
        var young = await _site.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(young);
        await BrowserSteps.SignInAsync(young, author.Email!);
        await young.GotoAsync("/");
        await young.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Jeunes : la marque du territoire" }).ClickAsync();
        await Assertions.Expect(young.Locator("h1")).ToHaveTextAsync("La marque du territoire, par les jeunes");
        await young.GetByRole(AriaRole.Link, new() { Name = "Faire une proposition" }).First.ClickAsync();
        await young.GetByLabel("Message ou slogan").CheckAsync();
        await young.GetByLabel("Titre (le slogan lui-même, pour un message)").FillAsync(slogan);
        await young.GetByLabel("Votre proposition : ce qu’elle dit, à qui, pourquoi").FillAsync("Pour dire aux jeunes qu’ici on vit dehors, entre rivières et causses.");
        await young.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition" }).ClickAsync();
        await Assertions.Expect(young.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre proposition est envoyée");
        await Assertions.Expect(young.Locator("#mes-propositions")).ToContainTextAsync("En attente de modération");
        var id = await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Title == slogan).Select(p => p.Id).SingleAsync());

        // 2. An editor publishes it from the moderation queue; the author is told.
        var moderator = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(moderator, editor.Email!);
        await moderator.GotoAsync("/admin");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Co-création de la marque" }).ClickAsync();
        await moderator.Locator("#file-moderation").GetByRole(AriaRole.Link, new() { Name = slogan }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("La proposition est publiée");
        var published = await _site.Mail.WaitForMessageAsync(author.Email!, where: m => (m.Subject ?? "").Contains("est publiée", StringComparison.Ordinal));
        Assert.Contains(slogan, published.Subject, StringComparison.Ordinal);

        // 3. Two others vote; the first double-clicks, and counts once. The author cannot vote for their own.
        await young.GotoAsync($"/jeunes/marque/{id}");
        await Assertions.Expect(young.Locator("#votes")).ToContainTextAsync("C’est votre proposition");
        await Assertions.Expect(young.GetByRole(AriaRole.Button, new() { Name = "Je vote pour cette proposition" })).ToHaveCountAsync(0);
        foreach (var (voter, expected) in new[] { (firstVoter, "1 vote"), (secondVoter, "2 votes") })
        {
            var page = await _site.NewPageAsync();
            await BrowserSteps.SignInAsync(page, voter.Email!);
            await page.GotoAsync("/jeunes/marque?tri=votes");
            await page.GetByRole(AriaRole.Link, new() { Name = slogan }).ClickAsync();
            var vote = page.GetByRole(AriaRole.Button, new() { Name = "Je vote pour cette proposition" });
            // The first one double-clicks: the form goes twice, the vote counts once.
            await (voter == firstVoter ? vote.DblClickAsync() : vote.ClickAsync());
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Votre vote est enregistré.");
            await Assertions.Expect(page.Locator("#nombre-votes")).ToHaveTextAsync(expected);
            Assert.Equal(1, await app.WithDbAsync(db => db.BrandProposalVotes.CountAsync(v => v.ProposalId == id && v.UserId == voter.Id)));
        }

        // 4. The commission answers: retained, with its reason.
        var commission = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(commission, member.Email!);
        await commission.GotoAsync("/admin/marque");
        await commission.Locator($"#file-reponse li[data-id='{id}']").GetByRole(AriaRole.Link, new() { Name = "Répondre" }).ClickAsync();
        await commission.GetByLabel("Retenue", new() { Exact = true }).CheckAsync();
        await commission.GetByLabel("Pourquoi (publié avec la proposition et envoyé à son auteur)").FillAsync("Il dit en trois mots ce que les jeunes aiment ici : il ouvrira la campagne d’été.");
        await commission.GetByRole(AriaRole.Button, new() { Name = "Publier la réponse" }).ClickAsync();
        await Assertions.Expect(commission.GetByRole(AriaRole.Status)).ToContainTextAsync("La réponse est publiée");

        // 5. The author is told, with the answer and its reason, and follows the e-mail's link to the public page.
        var answered = await _site.Mail.WaitForMessageAsync(author.Email!, where: m => (m.Subject ?? "").StartsWith("La commission a répondu", StringComparison.Ordinal));
        Assert.Contains(slogan, answered.Subject, StringComparison.Ordinal);
        Assert.Contains("Sa réponse : Retenue.", answered.TextBody, StringComparison.Ordinal);
        Assert.Contains("il ouvrira la campagne d’été", answered.TextBody, StringComparison.Ordinal);
        var link = ProposalLink().Match(answered.TextBody ?? "").Value;
        Assert.Equal($"/jeunes/marque/{id}", new Uri(link).AbsolutePath);
        await young.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(young.Locator("#reponse-decision")).ToHaveTextAsync("Retenue");
        await Assertions.Expect(young.Locator("#reponse-motif")).ToContainTextAsync("il ouvrira la campagne d’été");
        await Assertions.Expect(young.Locator("#nombre-votes")).ToHaveTextAsync("2 votes");
        Assert.Equal(BrandProposalStatus.Answered, await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.Empty(problems);
    }

    [GeneratedRegex(@"https?://\S+/jeunes/marque/\d+")]
    private static partial Regex ProposalLink();
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.BrandCoCreation;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.BrandSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Marque;

[Collection(AccountsCollection.Name)]
public sealed class ReponseTests(MailAppFixture fixture)
{
    private static string PathOf(int id) => $"/admin/marque/{id}/reponse";

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, int id, string answer, string reason)
    {
        var form = (await client.GetPageAsync(PathOf(id))).Page.QuerySelector<IHtmlFormElement>("form.answer-form")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Answer"] = answer, ["Input.Reason"] = reason });
    }

    [Theory, EveryDatabase]
    public async Task Answer_IsShownOnThePublicPage_AndTheAuthorIsToldWithTheReason(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var member = await SignedInAsync(app, Roles.CommissionMember);
        var proposal = await ProposalAsync(app, author.User);

        var response = await AnswerAsync(member.Client, proposal.Id, "Adapted", "Nous le reprenons pour l’été, en plus court.");
        var page = (await app.CreateBrowserlessClient().GetPageAsync($"/jeunes/marque/{proposal.Id}")).Page;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Retenue avec adaptation", page.Text("#reponse-decision"));
        Assert.Equal("Nous le reprenons pour l’été, en plus court.", page.Text("#reponse-motif"));
        Assert.Contains("Les votes sont clos", page.Text("#votes"), StringComparison.Ordinal);
        var mail = await fixture.Mail.WaitForMessageAsync(author.User.Email!, where: m => (m.Subject ?? "").StartsWith("La commission a répondu", StringComparison.Ordinal));
        Assert.Contains(proposal.Title, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Sa réponse : Retenue avec adaptation.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nous le reprenons pour l’été, en plus court.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/jeunes/marque/{proposal.Id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Answer_WithoutAReason_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var member = await SignedInAsync(app, Roles.CommissionMember);
        var proposal = await ProposalAsync(app, author.User);

        var response = await AnswerAsync(member.Client, proposal.Id, "NotRetained", "");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Expliquez la réponse : elle est publiée avec la proposition.", page.Text("[data-valmsg-for='Input.Reason']"));
        Assert.Equal(BrandProposalStatus.Published, await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Answer_ByAnEditorOutsideTheCommission_IsForbidden_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var member = await SignedInAsync(app, Roles.CommissionMember);
        var editor = await SignedInAsync(app, Roles.Editor);
        var proposal = await ProposalAsync(app, author.User);
        var form = (await member.Client.GetPageAsync(PathOf(proposal.Id))).Page.QuerySelector<IHtmlFormElement>("form.answer-form")!;
        var editorsToken = (await editor.Client.GetPageAsync("/admin/marque")).Page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value;

        var page = await editor.Client.GetAsync(new Uri(PathOf(proposal.Id), UriKind.Relative));
        var post = await editor.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Answer"] = "Retained", ["Input.Reason"] = "Pourquoi pas.", ["__RequestVerificationToken"] = editorsToken ?? "",
        });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(BrandProposalStatus.Published, await app.WithDbAsync(db => db.BrandProposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Answer_ToAProposalAwaitingModeration_IsNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var author = await SignedInAsync(app);
        var member = await SignedInAsync(app, Roles.CommissionMember);
        var proposal = await ProposalAsync(app, author.User, BrandProposalStatus.Submitted);

        var response = await member.Client.GetAsync(new Uri(PathOf(proposal.Id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

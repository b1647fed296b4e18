using System.Net;
using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Candidatures;

[Collection(ApplicationsCollection.Name)]
public sealed class InvitationTests(ApplicationAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Invitation_FromTheEmail_SignedIn_ConfirmsTheMember_AndTheLinkWorksOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 20));
        var invitee = await MailAppFixture.CreateUserAsync(app);

        var invited = await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Camille Membre", ["Invite.Email"] = invitee.Email! });
        var mail = await fixture.Mail.WaitForMessageAsync(invitee.Email!);
        var link = LinkIn(mail, "/candidatures/invitation/");
        var visitor = app.CreateBrowserlessClient();
        var challenge = await visitor.GetAsync(new Uri(link, UriKind.Relative));
        await visitor.SignInAsync(invitee.Email!, MailAppFixture.Password);
        var confirmed = await PostFormAsync(visitor, link, "main form", new Dictionary<string, string> { ["Input.DateOfBirth"] = BornYearsAgo(now, 19) });
        var (_, reused) = await visitor.GetPageAsync(link);
        var (_, read) = await visitor.GetPageAsync(ApplicationPath(id));

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Un tiers-lieu pour les jeunes", mail.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("retour=" + Uri.EscapeDataString(link), challenge.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var member = (await ApplicationAsync(app, id)).Members.Single(m => m.Role == MemberRole.Member);
        Assert.Equal(invitee.Id, member.UserId);
        Assert.NotNull(member.ConfirmedAt);
        Assert.Null(member.InvitationTokenHash);
        Assert.Contains("déjà été utilisée", reused.Text("#invitation-refus"), StringComparison.Ordinal);
        Assert.NotNull(read.QuerySelector("#reponses"));
        Assert.Null(read.QuerySelector("#formulaire"));
    }

    [Theory, EveryDatabase]
    public async Task Send_WithAnUnconfirmedMember_SaysSo_AndRemovingThemLetsItGo(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 20));
        await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Camille Absente", ["Invite.Email"] = $"absente-{Guid.NewGuid():N}@test.escale" });

        var blocked = await PressAsync(lead.Client, id, "envoyer");
        var memberId = (await ApplicationAsync(app, id)).Members.Single(m => m.Role == MemberRole.Member).Id;
        await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", $"form[action*='memberId={memberId}']");
        var sent = await PressAsync(lead.Client, id, "envoyer");

        Assert.Contains("Camille Absente n’a pas encore confirmé", (await Html.ParseAsync(blocked)).Text("#problemes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Single(application.Members);
    }
}

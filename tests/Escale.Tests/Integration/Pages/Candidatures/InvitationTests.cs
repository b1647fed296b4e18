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
    public async Task Invitation_ToSomeoneWithoutAnAccount_BringsThemBackAfterSigningUp(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now);
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 20));
        var email = $"nouveau-{Guid.NewGuid():N}@test.escale";
        await PostFormAsync(lead.Client, ApplicationPath(id) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Camille Nouvelle", ["Invite.Email"] = email });
        var link = LinkIn(await fixture.Mail.WaitForMessageAsync(email), "/candidatures/invitation/");
        var visitor = app.CreateBrowserlessClient();

        var challenge = await visitor.GetAsync(new Uri(link, UriKind.Relative));
        var (_, signIn) = await visitor.GetPageAsync(challenge.Headers.Location!.PathAndQuery);
        var signUpPath = signIn.QuerySelector("a[href*='/compte/inscription']")!.GetAttribute("href")!;
        var created = await PostFormAsync(visitor, signUpPath, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Camille Nouvelle", ["Input.Email"] = email, ["Input.Password"] = MailAppFixture.Password,
            ["Input.ConfirmPassword"] = MailAppFixture.Password, ["Input.AcceptPrivacy"] = "true",
        });
        var confirmation = System.Text.RegularExpressions.Regex.Match(
            (await fixture.Mail.WaitForMessageAsync(email, where: m => (m.TextBody ?? "").Contains("/compte/confirmer?", StringComparison.Ordinal))).TextBody!,
            @"https?://\S+/compte/confirmer\?\S+").Value;
        await visitor.GetAsync(new Uri(new Uri(confirmation).PathAndQuery, UriKind.Relative));
        var signedIn = await PostFormAsync(visitor, created.Headers.Location!.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MailAppFixture.Password });

        Assert.Contains("retour=", signUpPath, StringComparison.Ordinal);
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);
        var (_, invitation) = await visitor.GetPageAsync(link);
        Assert.NotNull(invitation.QuerySelector("#confirmer"));
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

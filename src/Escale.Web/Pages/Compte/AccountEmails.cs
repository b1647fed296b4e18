using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Escale.Web.Pages.Compte;

/// <summary>
/// The e-mails of the account pages, shared because sign-up and "resend the link" both send the confirmation.
/// Links come from <see cref="SiteLinks"/> (<c>Site:BaseUrl</c>), never from the request's Host header, which
/// whoever asks for a reset chooses.
/// </summary>
internal static class AccountEmails
{
    public static async Task SendConfirmationAsync(this PageModel page, IEmailSender sender, UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var code = EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Links(page).AccountConfirmation(user.Id, code);
        await page.TrySendAsync(sender, Compose(user, "Confirmez votre adresse électronique",
            "Bienvenue sur Escale ! Pour activer votre compte, confirmez votre adresse électronique en ouvrant ce lien :",
            link, "Confirmer mon adresse",
            "Si vous n’avez pas créé de compte, ignorez ce message : aucun compte ne sera activé."));
    }

    public static async Task SendAlreadyRegisteredAsync(this PageModel page, IEmailSender sender, ApplicationUser user)
    {
        var link = Links(page).ForgottenPassword();
        await page.TrySendAsync(sender, Compose(user, "Vous avez déjà un compte",
            "Quelqu’un, sans doute vous, a demandé à créer un compte Escale avec cette adresse, qui en a déjà un. Vous pouvez vous connecter, ou choisir un nouveau mot de passe ici :",
            link, "Choisir un nouveau mot de passe",
            "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte n’a pas changé."));
    }

    public static async Task SendPasswordResetAsync(this PageModel page, IEmailSender sender, UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var code = EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
        var link = Links(page).PasswordReset(user.Id, code);
        await page.TrySendAsync(sender, Compose(user, "Choisissez un nouveau mot de passe",
            "Vous avez demandé à changer le mot de passe de votre compte Escale. Ouvrez ce lien pour en choisir un nouveau (il reste valable un jour) :",
            link, "Choisir un nouveau mot de passe",
            "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe n’a pas changé."));
    }

    private static SiteLinks Links(PageModel page) => page.HttpContext.RequestServices.GetRequiredService<SiteLinks>();

    /// <summary>Identity's tokens contain '+' and '/'; they travel in a URL as base64url.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static EmailMessage Compose(ApplicationUser user, string subject, string intro, string link, string action, string footer)
    {
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? "Bonjour," : $"Bonjour {user.DisplayName},";
        var text = $"{name}\n\n{intro}\n\n{link}\n\n{footer}\n\n— L’équipe Escale\n";
        var html = HtmlEncoder.Default;
        var body = $"""
            <!DOCTYPE html>
            <html lang="fr"><body>
            <p>{html.Encode(name)}</p>
            <p>{html.Encode(intro)}</p>
            <p><a href="{html.Encode(link)}">{html.Encode(action)}</a></p>
            <p>{html.Encode(footer)}</p>
            <p>— L’équipe Escale</p>
            </body></html>
            """;
        return new EmailMessage(user.Email!, user.DisplayName, subject + " — Escale", text, body);
    }

    /// <summary>
    /// An unreachable mail server must not turn a sign-up into an error page after the account exists:
    /// the person can ask for the link again. The failure is logged without the address.
    /// </summary>
    private static async Task TrySendAsync(this PageModel page, IEmailSender sender, EmailMessage message)
    {
        try
        {
            await sender.SendAsync(message, page.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or MailKit.Security.AuthenticationException)
        {
            page.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(AccountEmails)).LogError(ex, "Account e-mail could not be sent");
        }
    }
}

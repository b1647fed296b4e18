namespace Escale.Web.Infrastructure.Email;

/// <summary>The <c>Smtp</c> section. The defaults point at the development SMTP server (<see cref="DevSmtpServer"/>).</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@escale.localhost";
    public string FromName { get; set; } = "Escale";
}

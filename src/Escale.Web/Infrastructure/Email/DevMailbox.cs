using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Escale.Web.Infrastructure.Email;

/// <summary>The messages the development SMTP server received, as .eml files under the content root's <c>data/mail/</c>.</summary>
public sealed partial class DevMailbox(IWebHostEnvironment environment, TimeProvider time)
{
    public sealed record Summary(string Id, string Subject, string To, DateTimeOffset Date);

    public sealed record Message(Summary Summary, string From, string TextBody);

    public string Folder { get; } = Path.Combine(environment.ContentRootPath, "data", "mail");

    public async Task SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var id = time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllBytesAsync(Path.Combine(Folder, id + ".eml"), content, cancellationToken);
    }

    public async Task<IReadOnlyList<Summary>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var summaries = new List<Summary>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            using var message = await MimeMessage.LoadAsync(path, cancellationToken);
            summaries.Add(Summarise(Path.GetFileNameWithoutExtension(path), message));
        }
        return [.. summaries.OrderByDescending(s => s.Date)];
    }

    public async Task<Message?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // The id becomes a file name: accept only the shape SaveAsync gives, never a path.
        if (!IdShape().IsMatch(id))
        {
            return null;
        }
        var path = Path.Combine(Folder, id + ".eml");
        if (!File.Exists(path))
        {
            return null;
        }
        using var message = await MimeMessage.LoadAsync(path, cancellationToken);
        return new Message(Summarise(id, message), message.From.ToString(), message.TextBody ?? "");
    }

    private static Summary Summarise(string id, MimeMessage message) =>
        new(id, message.Subject ?? "", message.To.ToString(), message.Date);

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9a-f]{8}$")]
    private static partial Regex IdShape();
}

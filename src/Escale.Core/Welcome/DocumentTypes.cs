using System.IO.Compression;
using System.Text;

namespace Escale.Core.Welcome;

/// <summary>The kinds of document a household may upload to its space.</summary>
public enum DocumentKind
{
    Pdf,
    Docx,
    Odt,
    Jpeg,
    Png,
}

/// <summary>
/// Decides what a file really is from its content, never from its name or the type its browser claims: a ".pdf" that
/// is text, or a ZIP renamed ".docx", is refused. DOCX and ODT are both ZIP archives, told apart by what they contain.
/// </summary>
public static class DocumentTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string MaxSizeLabel = "10 Mo";

    public const string UnknownTypeMessage = "Ce fichier n’est ni un PDF, ni un DOCX, ni un ODT, ni une image JPEG ou PNG.";

    public const string TooLargeMessage = "Ce fichier dépasse la taille maximale de " + MaxSizeLabel + ".";

    public const string EmptyMessage = "Ce fichier est vide.";

    /// <summary>A CV is a text document, and smaller: employers download it.</summary>
    public const long CvMaxBytes = 5 * 1024 * 1024;

    public const string CvMaxSizeLabel = "5 Mo";

    public const string CvUnknownTypeMessage = "Ce fichier n’est ni un PDF, ni un DOCX, ni un ODT.";

    public const string CvTooLargeMessage = "Ce CV dépasse la taille maximale de " + CvMaxSizeLabel + ".";

    public const string CvAcceptedLabel = "PDF, DOCX ou ODT, jusqu’à " + CvMaxSizeLabel + ".";

    /// <summary>What the upload form says it accepts, next to the field.</summary>
    public const string AcceptedLabel = "PDF, DOCX, ODT, JPEG ou PNG, jusqu’à " + MaxSizeLabel + ".";

    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentType(this DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Odt => OdtMimeType,
        DocumentKind.Jpeg => "image/jpeg",
        DocumentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The extension, with its dot, under which a document of this kind is offered for download.</summary>
    public static string Extension(this DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Docx => ".docx",
        DocumentKind.Odt => ".odt",
        DocumentKind.Jpeg => ".jpg",
        DocumentKind.Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The kind of <paramref name="content"/>, or null when it is none of the accepted kinds. Reads from the stream's
    /// current position; a seekable stream is put back where it was, so the caller can then store it.
    /// </summary>
    public static DocumentKind? Detect(Stream content)
    {
        if (!content.CanSeek)
        {
            // An upload body: keep at most one byte more than is accepted, so a huge stream cannot fill the memory.
            using var copy = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while (copy.Length <= MaxBytes && (read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes + 1 - copy.Length))) > 0)
            {
                copy.Write(buffer, 0, read);
            }
            copy.Position = 0;
            return Detect(copy);
        }
        var start = content.Position;
        try
        {
            Span<byte> head = stackalloc byte[8];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith(PdfMagic))
            {
                return DocumentKind.Pdf;
            }
            if (head.StartsWith(PngMagic))
            {
                return DocumentKind.Png;
            }
            if (head.StartsWith(JpegMagic))
            {
                return DocumentKind.Jpeg;
            }
            if (head.StartsWith(ZipMagic))
            {
                content.Position = start;
                return DetectZip(content);
            }
            return null;
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>Why an upload of <paramref name="length"/> bytes is refused (in French, for the form), or null when it is accepted.</summary>
    public static string? Refusal(Stream content, long length) =>
        length == 0 ? EmptyMessage
        : length > MaxBytes ? TooLargeMessage
        : Detect(content) is null ? UnknownTypeMessage
        : null;

    /// <summary>Why a CV upload is refused (in French, for the form), or null when it is a PDF, DOCX or ODT within the size limit.</summary>
    public static string? CvRefusal(Stream content, long length) =>
        length == 0 ? EmptyMessage
        : length > CvMaxBytes ? CvTooLargeMessage
        : Detect(content) is DocumentKind.Pdf or DocumentKind.Docx or DocumentKind.Odt ? null
        : CvUnknownTypeMessage;

    private static DocumentKind? DetectZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            // OpenDocument: the first entry is "mimetype", stored, holding the media type (ODF 1.2, part 3, §3.3).
            if (entries.Count > 0 && entries[0].FullName == "mimetype")
            {
                return ReadSmallText(entries[0]) == OdtMimeType ? DocumentKind.Odt : null;
            }
            // Office Open XML: a content-types part at the root and the main document under word/ (ECMA-376, part 2).
            var hasContentTypes = false;
            var hasWord = false;
            foreach (var entry in entries)
            {
                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasWord |= entry.FullName.StartsWith("word/", StringComparison.Ordinal);
            }
            return hasContentTypes && hasWord ? DocumentKind.Docx : null;
        }
        catch (InvalidDataException)
        {
            return null; // looks like a ZIP but is not a readable one
        }
    }

    private static string? ReadSmallText(ZipArchiveEntry entry)
    {
        // The media type is a few dozen bytes; never inflate more than that from an untrusted archive.
        if (entry.Length > 200)
        {
            return null;
        }
        using var stream = entry.Open();
        var buffer = new byte[201];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}

using System.IO.Compression;
using System.Text;
using Escale.Core.Welcome;
using Escale.Tests.Unit.Media;

namespace Escale.Tests.Unit.Welcome;

public sealed class DocumentTypesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    private static byte[] Odt(string mimeType = "application/vnd.oasis.opendocument.text") => Zip(
        ("mimetype", mimeType),
        ("META-INF/manifest.xml", "<manifest:manifest/>"),
        ("content.xml", "<office:document-content/>"));

    private static DocumentKind? Detect(byte[] content) => DocumentTypes.Detect(new MemoryStream(content));

    [Fact]
    public void Detect_RecognisesEachAcceptedKindByItsContent()
    {
        Assert.Equal(DocumentKind.Pdf, Detect(Pdf));
        Assert.Equal(DocumentKind.Png, Detect(TestImages.Png(4, 3)));
        Assert.Equal(DocumentKind.Jpeg, Detect(TestImages.Jpeg(4, 3)));
        Assert.Equal(DocumentKind.Docx, Detect(Docx()));
        Assert.Equal(DocumentKind.Odt, Detect(Odt()));
    }

    [Fact]
    public void Detect_RefusesTextCalledPdf()
    {
        // The name is never read: a text file uploaded as "justificatif.pdf" is text.
        Assert.Null(Detect(Encoding.UTF8.GetBytes("Ceci n’est pas un PDF, malgré son nom justificatif.pdf")));
        Assert.Equal(DocumentTypes.UnknownTypeMessage, DocumentTypes.Refusal(new MemoryStream("PDF"u8.ToArray()), 3));
    }

    [Fact]
    public void Detect_RefusesAZipThatIsNeitherDocxNorOdt()
    {
        Assert.Null(Detect(Zip(("notes.txt", "bonjour"), ("photos/a.txt", "x"))));
        Assert.Null(Detect(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")))); // a spreadsheet
        Assert.Null(Detect(Odt("application/vnd.oasis.opendocument.spreadsheet")));
        Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5])); // a broken ZIP
        Assert.Null(Detect([]));
    }

    [Fact]
    public void Detect_LeavesTheStreamWhereItWas()
    {
        var stream = new MemoryStream(Docx());

        DocumentTypes.Detect(stream);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Detect_ReadsAStreamThatCannotSeek()
    {
        var stream = new ForwardOnlyStream(Odt());

        Assert.Equal(DocumentKind.Odt, DocumentTypes.Detect(stream));
    }

    [Fact]
    public void Refusal_SaysWhyInFrench()
    {
        Assert.Equal("Ce fichier dépasse la taille maximale de 10 Mo.", DocumentTypes.Refusal(new MemoryStream(Pdf), DocumentTypes.MaxBytes + 1));
        Assert.Equal("Ce fichier n’est ni un PDF, ni un DOCX, ni un ODT, ni une image JPEG ou PNG.",
            DocumentTypes.Refusal(new MemoryStream("<html></html>"u8.ToArray()), 13));
        Assert.Null(DocumentTypes.Refusal(new MemoryStream(Pdf), Pdf.Length));
        Assert.Equal(10 * 1024 * 1024, DocumentTypes.MaxBytes);
    }

    [Fact]
    public void EachKind_HasItsContentTypeAndExtension()
    {
        Assert.Equal(("application/pdf", ".pdf"), (DocumentKind.Pdf.ContentType(), DocumentKind.Pdf.Extension()));
        Assert.Equal(("application/vnd.oasis.opendocument.text", ".odt"), (DocumentKind.Odt.ContentType(), DocumentKind.Odt.Extension()));
        Assert.Equal(".docx", DocumentKind.Docx.Extension());
        Assert.Equal(("image/jpeg", ".jpg"), (DocumentKind.Jpeg.ContentType(), DocumentKind.Jpeg.Extension()));
        Assert.Equal(("image/png", ".png"), (DocumentKind.Png.ContentType(), DocumentKind.Png.Extension()));
    }

    /// <summary>An upload body as a server reads it: forward only.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void CvRefusal_AcceptsOnlyTextDocumentsByContent()
    {
        Assert.Null(DocumentTypes.CvRefusal(new MemoryStream(Pdf), Pdf.Length));
        Assert.Null(DocumentTypes.CvRefusal(new MemoryStream(Docx()), Docx().Length));
        Assert.Null(DocumentTypes.CvRefusal(new MemoryStream(Odt()), Odt().Length));
        var png = TestImages.Png(4, 3);
        Assert.Equal(DocumentTypes.CvUnknownTypeMessage, DocumentTypes.CvRefusal(new MemoryStream(png), png.Length));
        var text = Encoding.UTF8.GetBytes("Mon CV, en texte, nommé cv.pdf");
        Assert.Equal(DocumentTypes.CvUnknownTypeMessage, DocumentTypes.CvRefusal(new MemoryStream(text), text.Length));
    }

    [Fact]
    public void CvRefusal_RefusesAFileOverTheCvLimitBeforeReadingIt()
    {
        Assert.Equal(DocumentTypes.CvTooLargeMessage, DocumentTypes.CvRefusal(new MemoryStream(Pdf), DocumentTypes.CvMaxBytes + 1));
        Assert.Equal(DocumentTypes.EmptyMessage, DocumentTypes.CvRefusal(new MemoryStream(), 0));
    }
}

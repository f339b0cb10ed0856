#!/usr/bin/python3
"""Writes the hostile PDFs of this case (input/). No PDF writer in Debian makes an embedded
file that lies about its size or inflates a thousandfold, so they are written here, object
by object, the way a crafted file would be: PDF 1.7, one page without text, one embedded
file (Filespec with /EF) whose stream is Flate-compressed."""
import zlib


def pdf(path, name_literal, content, declared_size, pad_bytes=0):
    co = zlib.compressobj(9)
    data = co.compress(content)
    chunk = b" " * (1 << 20)
    for _ in range(pad_bytes // len(chunk)):
        data += co.compress(chunk)
    data += co.flush()
    params = b" /Params << /Size %d >>" % declared_size if declared_size is not None else b""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a) 4 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Type /Filespec /F (file.txt) /UF " + name_literal + b" /EF << /F 5 0 R >> >>",
        b"<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), params) + data + b"\nendstream",
    ]
    out = b"%PDF-1.7\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


LETTER = "Notat om borger med CPR-nr. 010180-0008.\n".encode()
# Declares 64 bytes and holds 64 KiB: scanned up to the declared size, with a record.
pdf("input/lying_size.pdf", b"(notat.txt)", LETTER + b"x" * (64 << 10), 64)
# Declares nothing and inflates to 512 MiB from half a megabyte: streamed until the file's
# byte budget (400 MiB) stops it, never held whole.
pdf("input/bomb.pdf", b"(bomb.txt)", LETTER, None, pad_bytes=512 << 20)
# A name in UTF-16BE with its byte-order mark, as Acrobat writes /UF: "bilag æøå.txt".
pdf("input/utf16_name.pdf", b"(\xfe\xff" + "bilag æøå.txt".encode("utf-16-be") + b")", LETTER, len(LETTER))

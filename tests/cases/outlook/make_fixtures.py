#!/usr/bin/env python3
"""How the Outlook fixtures in input/ were made. Four are real third-party files copied
from ../shared/corpus (see SOURCES.md); the two below wrap real ones the way they reach a
share: a winmail.dat attached to a mail as application/ms-tnef (Python's email package),
a .pst inside a zip (Python's zipfile), and two damaged copies of the real .pst files: one
cut short, one with 50 bytes overwritten (seeded, so that it is the same every time) on
which libpst crashes. Re-run only to change them; the results are
committed."""
import os
import random
import zipfile
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "input")


def main():
    m = EmailMessage()
    m["From"] = "Mette Holm <mette.holm@vejstrand.dk>"
    m["To"] = "soeren@privat.dk"
    m["Subject"] = "Sag 2019-117 fra Outlook"
    m["Date"] = format_datetime(datetime(2019, 3, 2, 10, 14, tzinfo=timezone.utc))
    m.set_content("Se vedhæftede.\n", charset="utf-8")
    with open(os.path.join(OUT, "winmail.dat"), "rb") as f:
        m.add_attachment(f.read(), maintype="application", subtype="ms-tnef", filename="winmail.dat")
    with open(os.path.join(OUT, "fra-outlook.eml"), "wb") as f:
        f.write(bytes(m))
    with zipfile.ZipFile(os.path.join(OUT, "postkasse.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(OUT, "dist-list.pst"), "backup/dist-list.pst")
    with open(os.path.join(OUT, "various-body-types.pst"), "rb") as f:
        whole = f.read()
    with open(os.path.join(OUT, "truncated.pst"), "wb") as f:
        f.write(whole[:100000])
    with open(os.path.join(OUT, "dist-list.pst"), "rb") as f:
        damaged = bytearray(f.read())
    random.seed(7)
    for _ in range(50):
        damaged[random.randrange(1024, len(damaged))] = random.randrange(256)
    with open(os.path.join(OUT, "crashes-libpst.pst"), "wb") as f:
        f.write(damaged)


if __name__ == "__main__":
    main()

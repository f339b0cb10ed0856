#!/usr/bin/env python3
"""How the mail fixtures in input/ were made: with Python's email and mailbox packages
(the standard library's MIME writer). Re-run only to change them; the results are
committed. Attachments are the Office case's LibreOffice files."""
import mailbox
import os
import shutil
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OFFICE = os.path.join(HERE, "..", "office", "input")
OUT = os.path.join(HERE, "input")


def message(subject, sender, to, body, when, charset="iso-8859-1"):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject                      # non-ASCII: RFC 2047 encoded words
    m["Date"] = format_datetime(when)
    m.set_content(body, charset=charset, cte="quoted-printable")
    return m


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "maildir"))
    # 1. A mail with a Latin-1 quoted-printable body, a .docx attached, and a forwarded
    #    mail (message/rfc822) that itself carries an .xlsx.
    inner = message("Løn for marts", "Løn <loen@vejstrand.dk>", "mette.holm@vejstrand.dk",
                    "Lønsedler vedhæftet.\n", datetime(2019, 3, 1, 9, 0, tzinfo=timezone.utc))
    with open(os.path.join(OFFICE, "personale.xlsx"), "rb") as f:
        inner.add_attachment(f.read(), maintype="application",
                             subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="løn.xlsx")
    outer = message("Re: Afgørelse i sag 2019-117", "Mette Holm <mette.holm@vejstrand.dk>",
                    "Søren Østergård <soeren@privat.dk>",
                    "Hej Søren\n\nDit CPR-nr. 150372-1003 står i afgørelsen, se bilag.\n\nVenlig hilsen\nMette\n",
                    datetime(2019, 3, 2, 10, 14, tzinfo=timezone.utc))
    with open(os.path.join(OFFICE, "brev.docx"), "rb") as f:
        outer.add_attachment(f.read(), maintype="application",
                             subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                             filename="afgørelse.docx")
    outer.add_attachment(inner)                 # message/rfc822
    with open(os.path.join(OUT, "afgoerelse.eml"), "wb") as f:
        f.write(bytes(outer))
    # 2. An mbox of three messages, one with an HTML body (base64, UTF-8).
    box = mailbox.mbox(os.path.join(OUT, "sager.mbox"))
    box.add(message("Møde", "a@vejstrand.dk", "b@vejstrand.dk", "Mødet flyttes til torsdag.\n",
                    datetime(2019, 4, 1, 8, 30, tzinfo=timezone.utc)))
    html = EmailMessage()
    html["From"] = "c@vejstrand.dk"
    html["To"] = "d@vejstrand.dk"
    html["Subject"] = "Borgerliste"
    html["Date"] = format_datetime(datetime(2019, 4, 2, 13, 5, tzinfo=timezone.utc))
    html.set_content("<html><body><p>Personnummer: <b>230485-1018</b></p></body></html>", subtype="html",
                     charset="utf-8", cte="base64")
    box.add(html)
    box.add(message("Bolig", "e@vejstrand.dk", "f@vejstrand.dk", "Intet personligt her.\n",
                    datetime(2019, 4, 3, 15, 45, tzinfo=timezone.utc)))
    box.close()
    # 3. A maildir (Inbox/{cur,new,tmp}) with one base64 UTF-8 message: its files are
    #    messages like any .eml, found by the walk.
    md = mailbox.Maildir(os.path.join(OUT, "maildir", "Inbox"), create=True)
    note = EmailMessage()
    note["From"] = "a@vejstrand.dk"
    note["To"] = "b@vejstrand.dk"
    note["Subject"] = "Sag"
    note.set_content("Borgerens cpr-nr. 150372-1003\n", charset="utf-8", cte="base64")
    md.add(note)


if __name__ == "__main__":
    main()

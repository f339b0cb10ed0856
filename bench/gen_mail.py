#!/usr/bin/env python3
"""Writes one mbox and a maildir of the same messages from the generated corpus's text, for
bench/containers.sh.

  gen_mail.py --corpus DIR --out DIR [--size 200M] [--seed 1]

Messages are built with Python's stdlib `email` and `mailbox` packages: realistic headers
(From/To/Cc with Danish names at municipal domains, Subject with æøå, Date, Message-ID), a
plain-text body of 1-40 KB cut at a line end from a corpus file (quoted-printable or base64
as the `email` package chooses for UTF-8), and on every fourth message one or two
attachments (a whole corpus file of at most 512 KiB as a base64 text/plain or text/csv
part). Corpus files are used round and round. Stops when the mbox reaches --size; writes
OUT/mail.mbox, OUT/maildir/ and OUT/messages.txt (the message count).
"""
import argparse
import email.policy
import email.utils
import mailbox
import os
import random
from email.message import EmailMessage

NAMES = ["Anne Larsen", "Bo Jensen", "Carla Nielsen", "Søren Østergård", "Mette Holm", "Jens Hansen",
         "Ida Kjær", "Lars Bøgh", "Pia Mølgaard", "Åse Friis"]
DOMAINS = ["kommune.dk", "region.dk", "borger.dk", "skole.dk"]
SUBJECTS = ["Vedr. sag", "Journalnotat", "Ansøgning om tilskud", "Referat fra mødet", "Løn for marts",
            "Klage over afgørelse", "Opfølgning på samtale", "Ændring af adresse"]


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def corpus_files(root):
    out = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            if os.path.getsize(path) <= 512 << 10:
                out.append(path)
    return sorted(out)


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def address(rng):
    name = rng.choice(NAMES)
    local = name.split()[0].lower().replace("ø", "oe").replace("å", "aa").replace("æ", "ae")
    return email.utils.formataddr((name, f"{local}.{rng.randint(1, 999)}@{rng.choice(DOMAINS)}"))


def message(rng, index, body_path, attachments):
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = address(rng)
    msg["To"] = ", ".join(address(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3:
        msg["Cc"] = address(rng)
    msg["Subject"] = f"{rng.choice(SUBJECTS)} {rng.randint(1000, 99999)}/{2015 + index % 10}"
    msg["Date"] = email.utils.formatdate(1420070400 + index * 3607 + rng.randint(0, 3600), localtime=False)
    msg["Message-ID"] = email.utils.make_msgid(idstring=str(index), domain=rng.choice(DOMAINS))
    body = read_text(body_path)
    cut = body[:rng.randint(1000, 40000)]
    msg.set_content(cut.rsplit("\n", 1)[0] + "\n" if "\n" in cut else cut + "\n")
    for path in attachments:
        subtype = "csv" if path.endswith(".csv") else "plain"
        msg.add_attachment(read_text(path).encode("utf-8"), maintype="text", subtype=subtype,
                           filename=os.path.basename(path), cte="base64")
    return msg


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--size", default="200M")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    limit = parse_size(args.size)
    rng = random.Random(args.seed)
    files = corpus_files(args.corpus)
    rng.shuffle(files)
    os.makedirs(args.out, exist_ok=True)
    mbox_path = os.path.join(args.out, "mail.mbox")
    if os.path.exists(mbox_path):
        os.remove(mbox_path)
    mbox = mailbox.mbox(mbox_path, create=True)
    maildir = mailbox.Maildir(os.path.join(args.out, "maildir"), create=True)
    count, at = 0, 0
    mbox.lock()
    try:
        while os.path.getsize(mbox_path) < limit:
            # The corpus is used round and round: a message takes a cut of a file, so
            # 200 MB of mail needs each file about twice.
            extra = [] if count % 4 else [files[(at + i) % len(files)] for i in range(1, 1 + rng.randint(1, 2))]
            msg = message(rng, count, files[at % len(files)], extra)
            at += 1 + len(extra)
            mbox.add(msg)
            maildir.add(msg)
            mbox.flush()
            count += 1
    finally:
        mbox.unlock()
        mbox.close()
    with open(os.path.join(args.out, "messages.txt"), "w") as f:
        f.write(f"{count}\n")
    print(f"{count} messages, mbox {os.path.getsize(mbox_path)} bytes")


if __name__ == "__main__":
    main()

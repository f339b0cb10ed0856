#!/usr/bin/env python3
"""Precision, recall and F2 of every detector with a checksum, on labelled text made here.

For each detector, 300 valid identifiers and 300 decoys of the same shape whose check digit
(or date) is wrong are written one per line after the rule's keyword, a filler line between
them so that no line's context reaches another's. Validity comes from python-stdnum (Debian
python3-stdnum), an implementation independent of ours: it generates the positives and
confirms that every decoy is invalid. gdprscan scans the files; a finding of the detector on
a positive's line is a true positive, on a decoy's line a false positive. Every detector must
reach F2 >= 0.98 (the issue's quality bar); the table is printed.
"""
import datetime
import os
import random
import string
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

try:
    from stdnum import iban, luhn
    from stdnum.de import idnr
    from stdnum.dk import cpr, cvr
    from stdnum.es import dni, nie
    from stdnum.fi import hetu
    from stdnum.fr import nir
    from stdnum.gb import nhs
    from stdnum.is_ import kennitala
    from stdnum.it import codicefiscale
    from stdnum.nl import bsn
    from stdnum.no import fodselsnummer
    from stdnum.pl import pesel
    from stdnum.se import personnummer
except ImportError:
    cpr = None

N = 300
FILLER = "Sagen er behandlet efter de almindelige regler og uden yderligere bemærkninger herom." * 2
rng = random.Random(2026)


def digits(n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def birth_date(first=1940, last=2005):
    start = datetime.date(first, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(last, 12, 31).toordinal()))


def is_cpr(ten):
    """A plausible Danish CPR number: valid with a passing mod-11, or born on 1 January (where
    numbers without a check digit are issued). gdprscan gives the Danish reading precedence
    there by design: the Swedish, Finnish and Icelandic rules score such numbers low."""
    if not cpr.is_valid(ten):
        return False
    return ten.startswith("0101") or sum(int(d) * w for d, w in zip(ten, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0


def until(make, valid):
    while True:
        value = make()
        if valid(value):
            return value


def mutate(value, valid):
    """The same identifier with one digit changed so that it is no longer valid."""
    while True:
        positions = [i for i, ch in enumerate(value) if ch.isdigit()]
        i = rng.choice(positions)
        out = value[:i] + rng.choice([d for d in string.digits if d != value[i]]) + value[i + 1:]
        if not valid(out):
            return out


def cpr_positive():
    def make():
        d = birth_date()
        seventh = rng.choice("0123") if d.year < 2000 else rng.choice("4")
        return d.strftime("%d%m%y") + seventh + digits(3)
    ten = until(make, is_cpr)
    return ten[:6] + "-" + ten[6:]


def se_positive():
    def make():
        return birth_date().strftime("%y%m%d") + "-" + digits(4)
    return until(make, lambda v: personnummer.is_valid(v) and not is_cpr(v.replace("-", "")))


def hetu_positive():
    def make():
        d = birth_date(1940, 2010)
        sign = "-" if d.year < 2000 else "A"
        body = d.strftime("%d%m%y") + sign + digits(3)
        return body + rng.choice("0123456789ABCDEFHJKLMNPRSTUVWXY")
    # A HETU whose ten characters are also a valid CPR number is read as the CPR by design.
    return until(make, lambda v: hetu.is_valid(v) and not is_cpr(v[:6] + v[7:]))


def date_based(n_after_date, valid, birth, first=1940, last=2005, date_format="%d%m%y"):
    """Positives whose birth date is real and past, as a living person's is (random digits
    that a checksum accepts are often born in 2150)."""
    def make():
        return birth_date(first, last).strftime(date_format) + digits(n_after_date)
    def plausible(v):
        try:
            return valid(v) and birth(v) <= datetime.date.today() and birth(v).year >= 1900
        except Exception:
            return False
    return lambda: until(make, plausible)


def steuer_id_valid(v):
    """stdnum's check, plus the official rule it lacks since 2016: the repeated digit may not
    stand three times in a row."""
    return idnr.is_valid(v) and not any(v[i] == v[i + 1] == v[i + 2] for i in range(8))


def kennitala_positive():
    def make():
        d = birth_date()
        return d.strftime("%d%m%y") + "-" + digits(3) + ("9" if d.year < 2000 else "0")
    return until(make, lambda v: kennitala.is_valid(v) and not is_cpr(v.replace("-", "")))


def codice_fiscale_positive():
    def make():
        letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(6))
        d = birth_date()
        day = d.day + rng.choice((0, 40))
        body = (letters + d.strftime("%y") + "ABCDEHLMPRST"[d.month - 1] + f"{day:02d}"
                + rng.choice(string.ascii_uppercase) + digits(3))
        return body + codicefiscale.calc_check_digit(body)
    return until(make, codicefiscale.is_valid)


def nir_positive():
    def make():
        body = rng.choice("12") + birth_date().strftime("%y%m") + f"{rng.randint(1, 95):02d}" + digits(6)
        return body + nir.calc_check_digits(body)
    return until(make, nir.is_valid)


def pesel_positive():
    """YYMMDD with the century in the month (+20 for the 2000s), then five digits."""
    def make():
        d = birth_date()
        month = d.month + (20 if d.year >= 2000 else 0)
        return f"{d.year % 100:02d}{month:02d}{d.day:02d}" + digits(5)
    return until(make, pesel.is_valid)


def card_positive():
    body = "4571" + digits(11)  # Visa/Dankort
    number = body + luhn.calc_check_digit(body)
    return " ".join(number[i:i + 4] for i in range(0, 16, 4))


def iban_positive():
    country, length = rng.choice((("DK", 14), ("DE", 18), ("NO", 11), ("SE", 20)))
    bban = digits(length)
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def nie_positive():
    return until(lambda: rng.choice("XYZ") + digits(7) + rng.choice(string.ascii_uppercase), nie.is_valid)


def dni_positive():
    return until(lambda: digits(8) + rng.choice(string.ascii_uppercase), dni.is_valid)


def letter_decoy(value, valid):
    """For identifiers whose check is a letter: another letter."""
    while True:
        out = value[:-1] + rng.choice(string.ascii_uppercase)
        if not valid(out):
            return out


def plain(n, valid):
    return lambda: until(lambda: digits(n), valid)


def detectors():
    """(detector id, keyword written before each item, make a positive, validity, make a decoy)."""
    def digit_decoy(valid):
        return lambda v: mutate(v, valid)
    se_valid = personnummer.is_valid
    return [
        ("dk.cpr", "CPR-nr.", cpr_positive, lambda v: is_cpr(v.replace("-", "")),
         lambda v: mutate(v, lambda x: is_cpr(x.replace("-", "")) or cpr.is_valid(x.replace("-", "")))),
        ("se.personnummer", "personnummer", se_positive, se_valid, digit_decoy(se_valid)),
        ("no.fodselsnummer", "fødselsnummer", date_based(5, fodselsnummer.is_valid, fodselsnummer.get_birth_date),
         fodselsnummer.is_valid, digit_decoy(fodselsnummer.is_valid)),
        ("fi.hetu", "henkilötunnus", hetu_positive, hetu.is_valid, lambda v: letter_decoy(v, hetu.is_valid)),
        ("is.kennitala", "kennitala", kennitala_positive, kennitala.is_valid, digit_decoy(kennitala.is_valid)),
        ("nl.bsn", "BSN", plain(9, bsn.is_valid), bsn.is_valid, digit_decoy(bsn.is_valid)),
        ("pl.pesel", "PESEL", pesel_positive, pesel.is_valid, digit_decoy(pesel.is_valid)),
        ("de.steuer_id", "Steuer-ID", plain(11, steuer_id_valid), steuer_id_valid, digit_decoy(steuer_id_valid)),
        ("es.dni", "DNI", dni_positive, dni.is_valid, lambda v: letter_decoy(v, dni.is_valid)),
        ("es.nie", "NIE", nie_positive, nie.is_valid, lambda v: letter_decoy(v, nie.is_valid)),
        ("it.codice_fiscale", "codice fiscale", codice_fiscale_positive, codicefiscale.is_valid,
         lambda v: letter_decoy(v, codicefiscale.is_valid)),
        ("fr.nir", "numéro de sécurité sociale", nir_positive, nir.is_valid, digit_decoy(nir.is_valid)),
        ("uk.nhs", "NHS number", plain(10, nhs.is_valid), nhs.is_valid, digit_decoy(nhs.is_valid)),
        ("payment_card", "kortnummer", card_positive, lambda v: luhn.is_valid(v.replace(" ", "")),
         lambda v: mutate(v, lambda x: luhn.is_valid(x.replace(" ", "")))),
        # Mod-97 only: gdprscan does not check the countries' own BBAN check digits.
        ("iban", "IBAN", iban_positive, lambda v: iban.is_valid(v, check_country=False),
         digit_decoy(lambda v: iban.is_valid(v, check_country=False))),
        ("dk.cvr", "CVR-nr.", plain(8, cvr.is_valid), cvr.is_valid, digit_decoy(cvr.is_valid)),
    ]


def write_labelled(path, keyword, make, valid, decoy):
    """Returns {line number: True for a positive, False for a decoy}."""
    labels = {}
    lines = []
    for i in range(N):
        positive = make()
        assert valid(positive), positive
        wrong = decoy(positive)
        assert not valid(wrong), wrong
        for value, is_positive in ((positive, True), (wrong, False)):
            lines.append(f"{keyword} {value}")
            labels[len(lines)] = is_positive
            lines.append(FILLER)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return labels


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_accuracy")
    if cpr is None:
        checks.skip("accuracy", "python3-stdnum is not installed (scripts/install-deps.sh installs it)")
        checks.finish(started)
        return 77
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        labels = {}
        for detector, keyword, make, valid, decoy in detectors():
            labels[detector] = write_labelled(os.path.join(env.root, detector + ".txt"), keyword, make, valid, decoy)
        res = c.scan(args.binary, env, [env.root], timeout=120)
        recs = c.parse_jsonl(res.stdout)
        checks.check("scan exits 1 (findings)", res.returncode == 1, res.err[:300])
        print(f"{'detector':20} {'TP':>4} {'FN':>4} {'FP':>4} {'precision':>9} {'recall':>7} {'F2':>6}")
        for detector, lines in labels.items():
            hit = {r["line"] for r in recs if r.get("type") == "finding" and r["detector"] == detector
                   and r["path"].endswith("/" + detector + ".txt")}
            missed = [line for line, pos in lines.items() if pos and line not in hit]
            wrong = [line for line, pos in lines.items() if not pos and line in hit]
            tp = sum(1 for line, pos in lines.items() if pos and line in hit)
            fn = sum(1 for line, pos in lines.items() if pos and line not in hit)
            fp = sum(1 for line, pos in lines.items() if not pos and line in hit)
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
            print(f"{detector:20} {tp:4} {fn:4} {fp:4} {precision:9.3f} {recall:7.3f} {f2:6.3f}")
            text = open(os.path.join(env.root, detector + ".txt"), encoding="utf-8").read().split("\n")
            checks.check(f"{detector}: F2 >= 0.98 on {N} positives and {N} decoys", f2 >= 0.98,
                         f"precision {precision:.3f}, recall {recall:.3f}, F2 {f2:.3f}; missed "
                         f"{[text[i - 1] for i in missed[:3]]}, decoys reported {[text[i - 1] for i in wrong[:3]]}")
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())

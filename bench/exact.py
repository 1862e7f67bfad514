#!/usr/bin/env python3
"""The independent check of the benchmark: sums by a column of a fund
journal, in integer fen, through Python's csv module (RFC 4180 quoting).

    python3 exact.py FILE [KEY]     print KEY,amount,count sorted by KEY
                                    (KEY: level by default), as vl-fund sum
                                    --by KEY --kind all prints them

Shares no code with vl: amounts are parsed here with Decimal (plain yuan,
"36,940.00" with thousands separators, 3.694万) and summed as integers.
"""

import csv
import decimal
import re
import sys

AMOUNT = re.compile(r'^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万)?$')


def fen(text):
    s = text.strip(' ')
    if not AMOUNT.match(s):
        raise ValueError('not an amount: %r' % text)
    wan = s.endswith('万')
    d = decimal.Decimal(s.rstrip('万').replace(',', ''))
    d *= 1000000 if wan else 100
    if d != d.to_integral_value():
        raise ValueError('more than a fen: %r' % text)
    return int(d)


def main():
    path = sys.argv[1]
    key = sys.argv[2] if len(sys.argv) > 2 else 'level'
    sums, counts = {}, {}
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = csv.reader(f, strict=True)
        header = [h.strip() for h in next(rows)]
        k, a = header.index(key), header.index('amount')
        for row in rows:
            if not any(row):
                continue
            v = fen(row[a])
            sums[row[k]] = sums.get(row[k], 0) + v
            counts[row[k]] = counts.get(row[k], 0) + 1
    print('%s,amount,count' % key)
    for name in sorted(sums, key=lambda s: s.encode()):
        v = sums[name]
        sign = '-' if v < 0 else ''
        print('%s,%s%d.%02d,%d' % (name, sign, abs(v) // 100, abs(v) % 100,
                                   counts[name]))


if __name__ == '__main__':
    main()
